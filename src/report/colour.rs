//! The report's colours, and the WCAG 2 contrast ratio that every text/background pair
//! the page uses must meet (level AA: 4.5 for normal text).

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.x definition).
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// The WCAG contrast ratio of two colours, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// WCAG 2 level AA for normal-size text.
pub const AA_NORMAL: f64 = 4.5;

/// Text colour on every highlight.
pub const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// Page background and text.
pub const PAPER: Rgb = Rgb(0xff, 0xff, 0xff);
/// Secondary text (labels, the graph's edge counts).
pub const MUTED: Rgb = Rgb(0x55, 0x55, 0x55);
/// Highlight of a claim whose source is no declared actor (or `unnamed`).
pub const UNKNOWN: Rgb = Rgb(0xdd, 0xdd, 0xdd);
/// Background of unannotated attributions (text in [`INK`]).
pub const UNANNOTATED: Rgb = Rgb(0xf3, 0xf3, 0xf3);
/// Severity colours, used as text on [`PAPER`].
pub const ERROR: Rgb = Rgb(0xb0, 0x00, 0x20);
pub const WARNING: Rgb = Rgb(0x8a, 0x4b, 0x00);
pub const INFO: Rgb = Rgb(0x0b, 0x5c, 0xad);
pub const HINT: Rgb = Rgb(0x4a, 0x4a, 0x4a);
/// Background of a claim in the list while its highlight is hovered (script only); its
/// text is [`INK`], [`MUTED`] and the severity colours.
pub const LIT: Rgb = Rgb(0xf6, 0xf6, 0xf6);
/// Tooltip: light text on dark.
pub const TIP_BG: Rgb = Rgb(0x22, 0x22, 0x22);
pub const TIP_INK: Rgb = Rgb(0xff, 0xff, 0xff);

/// One highlight colour per source actor, in order of first appearance; more actors than
/// colours reuse them (the claim list still names each source). Light tints, so that the
/// article text on them stays readable.
pub const PALETTE: &[Rgb] = &[
    Rgb(0xff, 0xe0, 0x8a),
    Rgb(0xa8, 0xe6, 0xcf),
    Rgb(0xff, 0xc4, 0xd6),
    Rgb(0xb9, 0xd7, 0xff),
    Rgb(0xff, 0xd1, 0xa8),
    Rgb(0xd9, 0xc8, 0xff),
    Rgb(0xc8, 0xf0, 0xa0),
    Rgb(0xa8, 0xe8, 0xf0),
    Rgb(0xf0, 0xc8, 0xa8),
    Rgb(0xe8, 0xb8, 0xe8),
    Rgb(0xf5, 0xf0, 0xa0),
    Rgb(0xc0, 0xd0, 0xe0),
];

/// Every `(text, background)` pair the page draws text with, with what it is for.
pub fn text_pairs() -> Vec<(&'static str, Rgb, Rgb)> {
    let mut pairs = vec![
        ("page text", INK, PAPER),
        ("secondary text", MUTED, PAPER),
        ("unknown source highlight", INK, UNKNOWN),
        ("unannotated attribution", INK, UNANNOTATED),
        ("error", ERROR, PAPER),
        ("warning", WARNING, PAPER),
        ("info", INFO, PAPER),
        ("hint", HINT, PAPER),
        ("tooltip", TIP_INK, TIP_BG),
    ];
    pairs.extend(PALETTE.iter().map(|bg| ("actor highlight", INK, *bg)));
    pairs.extend(
        [INK, MUTED, ERROR, WARNING, INFO, HINT]
            .into_iter()
            .map(|fg| ("text of a lit claim", fg, LIT)),
    );
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        // Black on white is the maximum, 21:1; a colour on itself is 1:1.
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(PAPER, PAPER) - 1.0).abs() < 1e-9);
        // #777 on white is the classic just-failing grey (4.48:1).
        let grey = contrast(Rgb(0x77, 0x77, 0x77), PAPER);
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
        assert!(grey < AA_NORMAL);
        // Order does not matter.
        assert_eq!(contrast(INK, PALETTE[0]), contrast(PALETTE[0], INK));
    }

    #[test]
    fn every_text_colour_meets_wcag_aa_on_its_background() {
        for (what, fg, bg) in text_pairs() {
            let ratio = contrast(fg, bg);
            assert!(
                ratio >= AA_NORMAL,
                "{what}: {} on {} is {ratio:.2}:1, below {AA_NORMAL}:1",
                fg.hex(),
                bg.hex()
            );
        }
    }

    #[test]
    fn palette_colours_are_distinct() {
        for (i, a) in PALETTE.iter().enumerate() {
            assert!(!PALETTE[i + 1..].contains(a), "{} twice", a.hex());
            assert_ne!(*a, UNKNOWN);
        }
    }
}
