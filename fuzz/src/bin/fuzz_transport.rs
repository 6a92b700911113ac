//! AFL target: see [`claimls_fuzz::transport`].
fn main() {
    afl::fuzz!(|data: &[u8]| claimls_fuzz::transport(data));
}
