//! AFL target: see [`claimls_fuzz::format`].
fn main() {
    afl::fuzz!(|data: &[u8]| claimls_fuzz::format(data));
}
