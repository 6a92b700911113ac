//! `--format gitlab`: GitLab Code Quality (a JSON array of issues with a description, a
//! check name, a unique fingerprint, a severity and a location), which GitLab shows in
//! merge requests. Validated against `tests/schemas/gitlab-codequality.json`.

use crate::cli::location::display;
use crate::cli::run::Checked;
use crate::diagnostic::Severity;
use serde::Serialize;

#[derive(Serialize, Debug)]
pub(crate) struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize, Debug)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize, Debug)]
struct Lines {
    begin: usize,
    end: usize,
}

pub(crate) fn render(c: &Checked<'_>) -> Vec<Issue> {
    let path = display(c.path);
    let mut seen = std::collections::HashMap::new();
    c.diagnostics
        .iter()
        .map(|d| {
            let r = c.source.region(d.span);
            // Stable across runs and line moves (no line number), unique within the file:
            // the same finding twice gets its occurrence number.
            let key = format!("{path}\u{0}{}\u{0}{}", d.code.as_str(), d.message);
            let n = seen.entry(key.clone()).or_insert(0u32);
            *n += 1;
            let fingerprint = format!("{:016x}{:08x}", fnv1a(key.as_bytes()), *n);
            Issue {
                description: format!("{} {}", d.code.as_str(), d.message),
                check_name: format!("claimls/{}", d.code.name()),
                fingerprint,
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info | Severity::Hint => "info",
                },
                location: Location {
                    path: path.clone(),
                    lines: Lines {
                        begin: r.start.line,
                        end: r.end.line.max(r.start.line),
                    },
                },
            }
        })
        .collect()
}

/// FNV-1a, 64 bits: a fixed, documented hash, so fingerprints do not change between
/// builds or Rust versions (the standard library's hasher may).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(super::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
