//! AFL target: see [`claimls_fuzz::parse_and_check`].
fn main() {
    afl::fuzz!(|data: &[u8]| claimls_fuzz::parse_and_check(data));
}
