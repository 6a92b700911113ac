//! AFL target: see [`claimls_fuzz::incremental`].
fn main() {
    afl::fuzz!(|data: &[u8]| claimls_fuzz::incremental(data));
}
