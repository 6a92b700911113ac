//! `claimls export` and `claimls import` end to end, on the built binary: snapshots of
//! every export format on the bundled example, the JSON schema, the W3C required fields,
//! brat round trips both ways, and the odd cases of import.

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// The bundled example annotation (`examples/` also holds `mistakes/`, not clean on purpose).
const EXAMPLE: &str = "examples/000_a935861ad7be96ce.claims";
const BRAT: &str = "tests/fixtures/interop/brat";
const BROKEN: &str = "tests/fixtures/broken";

fn export(args: &[&str]) -> (i32, String) {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let out = run(&all);
    (code(&out), stdout(&out))
}

fn export_json(target: &str) -> (i32, Value) {
    let (c, text) = export(&[target, "--format", "json"]);
    (c, serde_json::from_str(&text).expect("export json is JSON"))
}

#[test]
fn json_export_snapshot_and_schema() {
    let (c, doc) = export_json(EXAMPLE);
    assert_eq!(c, 0);
    insta::assert_json_snapshot!("export_json_examples", doc);

    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/export-schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft7::new(&schema).expect("the export schema compiles");
    for target in [EXAMPLE, BROKEN] {
        let (_, doc) = export_json(target);
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{target}: {errors:#?}");
    }
    // The schema is strict: a misspelt field is an error.
    let mut bad = doc.clone();
    bad["annotations"][0]["claims"][0]["sourse"] = Value::Null;
    assert!(!validator.is_valid(&bad));
}

#[test]
fn json_spans_are_the_article_text_in_every_unit() {
    let (_, doc) = export_json(EXAMPLE);
    let article = std::fs::read_to_string(root().join("examples").join(SEED_ARTICLE)).unwrap();
    let chars: Vec<char> = article.chars().collect();
    let claims = doc["annotations"][0]["claims"].as_array().unwrap();
    assert_eq!(claims.len(), example_claims());
    for c in claims {
        assert_eq!(c["level"], "exact", "{c}");
        for q in c["quotes"].as_array().unwrap() {
            for p in q["parts"].as_array().unwrap() {
                let a = &p["article"];
                let (bs, be) = (
                    a["bytes"][0].as_u64().unwrap() as usize,
                    a["bytes"][1].as_u64().unwrap() as usize,
                );
                let (cs, ce) = (
                    a["chars"][0].as_u64().unwrap() as usize,
                    a["chars"][1].as_u64().unwrap() as usize,
                );
                assert_eq!(&article[bs..be], a["text"].as_str().unwrap());
                assert_eq!(
                    chars[cs..ce].iter().collect::<String>(),
                    a["text"].as_str().unwrap()
                );
                let line = a["start"]["line"].as_u64().unwrap() as usize;
                let col = a["start"]["column"].as_u64().unwrap() as usize;
                let line_text = article.lines().nth(line - 1).unwrap();
                assert!(
                    line_text
                        .chars()
                        .skip(col - 1)
                        .collect::<String>()
                        .starts_with(a["text"].as_str().unwrap().lines().next().unwrap()),
                    "{a}"
                );
            }
        }
        // The source is found in the article for every claim of the example.
        assert!(c["source"]["article"].is_object(), "{c}");
    }
}

#[test]
fn errors_still_export_with_unresolved_quotes_marked() {
    let (c, doc) = export_json(BROKEN);
    assert_eq!(c, 1, "an annotation with errors exits 1, as `check` does");
    let a = &doc["annotations"][0];
    assert!(a["errors"].as_u64().unwrap() > 0);
    let unresolved: Vec<&Value> = a["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            c["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|q| q["resolved"] == false)
        })
        .collect();
    assert!(!unresolved.is_empty());
    for c in &unresolved {
        assert_eq!(c["level"], "not-found");
        assert!(
            c["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["code"] == "C010"),
            "{c}"
        );
    }
    // Every claim of the file is exported, in every format.
    let n = a["claims"].as_array().unwrap().len();
    let (_, csv) = export(&[BROKEN, "--format", "csv"]);
    assert_eq!(csv.split("\r\n").filter(|l| !l.is_empty()).count(), n + 1);
    assert!(csv.contains(",not-found,"));
    let (_, w3c) = export(&[BROKEN, "--format", "w3c"]);
    let w3c: Value = serde_json::from_str(&w3c).unwrap();
    assert_eq!(w3c["items"].as_array().unwrap().len(), n);
}

#[test]
fn w3c_export_snapshot_and_required_fields() {
    let (c, text) = export(&[EXAMPLE, "--format", "w3c"]);
    assert_eq!(c, 0);
    let page: Value = serde_json::from_str(&text).unwrap();
    insta::assert_json_snapshot!("export_w3c_examples", page);
    let article = std::fs::read_to_string(root().join("examples").join(SEED_ARTICLE)).unwrap();
    let chars: Vec<char> = article.chars().collect();
    assert_eq!(page["@context"], "http://www.w3.org/ns/anno.jsonld");
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), example_claims());
    let mut ids = BTreeSet::new();
    for a in items {
        // Required by the Web Annotation Data Model: @context, id, type, target.
        assert_eq!(a["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(a["type"], "Annotation");
        assert!(
            ids.insert(a["id"].as_str().unwrap().to_string()),
            "ids are unique"
        );
        let tags: Vec<&str> = a["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                assert_eq!(b["type"], "TextualBody");
                b["value"].as_str().unwrap()
            })
            .collect();
        assert!(tags.iter().any(|t| t.starts_with("source: ")), "{tags:?}");
        assert!(tags.iter().any(|t| t.starts_with("stance: ")), "{tags:?}");
        for t in a["target"].as_array().unwrap() {
            assert_eq!(t["source"], SEED_ARTICLE);
            let sel = t["selector"].as_array().unwrap();
            let quote = sel
                .iter()
                .find(|s| s["type"] == "TextQuoteSelector")
                .unwrap();
            let pos = sel
                .iter()
                .find(|s| s["type"] == "TextPositionSelector")
                .unwrap();
            let (s, e) = (
                pos["start"].as_u64().unwrap() as usize,
                pos["end"].as_u64().unwrap() as usize,
            );
            let exact: String = chars[s..e].iter().collect();
            assert_eq!(quote["exact"].as_str().unwrap(), exact);
            let prefix: String = chars[s.saturating_sub(32)..s].iter().collect();
            let suffix: String = chars[e..(e + 32).min(chars.len())].iter().collect();
            assert_eq!(quote["prefix"].as_str().unwrap(), prefix);
            assert_eq!(quote["suffix"].as_str().unwrap(), suffix);
        }
    }
}

#[test]
fn csv_export_snapshot() {
    let (c, text) = export(&[EXAMPLE, "--format", "csv"]);
    assert_eq!(c, 0);
    insta::assert_snapshot!("export_csv_examples", text);
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("file,id,source,via,cue,quote,stance,"));
    // A quote with a comma is quoted; the row still has every column.
    let row = text
        .lines()
        .find(|l| l.contains(",registered-for-pay,"))
        .unwrap();
    assert!(
        row.contains("\"The former rebel from the Syrian National Army (SNA), backed by Turkey")
    );
}

/// `(label, fragments)` of every Source, Cue and Content text-bound of a `.ann`.
fn spans(ann: &str) -> BTreeSet<(String, String)> {
    ann.lines()
        .filter(|l| l.starts_with('T'))
        .filter_map(|l| {
            let mid = l.split('\t').nth(1)?;
            let (label, offsets) = mid.split_once(' ')?;
            ["Source", "Cue", "Content"]
                .contains(&label)
                .then(|| (label.to_string(), offsets.to_string()))
        })
        .collect()
}

#[test]
fn brat_export_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&[
        "export",
        EXAMPLE,
        "--format",
        "brat",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let ann = std::fs::read_to_string(dir.path().join("000_a935861ad7be96ce.ann")).unwrap();
    insta::assert_snapshot!("export_brat_examples", ann);
    let txt = std::fs::read(dir.path().join(SEED_ARTICLE)).unwrap();
    assert_eq!(
        txt,
        std::fs::read(root().join("examples").join(SEED_ARTICLE)).unwrap()
    );
    assert_eq!(
        ann.lines().filter(|l| l.starts_with('E')).count(),
        example_claims()
    );
    // Without -o there is nowhere to put two files per annotation.
    let out = run(&["export", EXAMPLE, "--format", "brat"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("-o DIR"), "{}", stderr(&out));
}

#[test]
fn brat_text_is_a_link_to_the_unchanged_article_and_reexport_keeps_identical_files() {
    use std::os::unix::fs::MetadataExt;
    let work = tempfile::tempdir().unwrap();
    let src = work.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let name = Path::new(EXAMPLE).file_name().unwrap();
    std::fs::copy(root().join(EXAMPLE), src.join(name)).unwrap();
    std::fs::copy(
        root().join("examples").join(SEED_ARTICLE),
        src.join(SEED_ARTICLE),
    )
    .unwrap();
    let ino = |p: &Path| std::fs::metadata(p).unwrap().ino();
    let export_to = |out: &Path, extra: &[&str]| {
        let mut args = vec![
            "export",
            src.to_str().unwrap(),
            "--format",
            "brat",
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let o = run(&args);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    };
    let article = src.join(SEED_ARTICLE);
    let out = work.path().join("out");
    // By default the .txt is a copy of its own: an export is a snapshot, which a later
    // in-place edit of the article must not change.
    let copied = work.path().join("copied");
    export_to(&copied, &[]);
    assert_ne!(ino(&copied.join(SEED_ARTICLE)), ino(&article));
    export_to(&out, &["--link-text"]);
    // --link-text: the article beside the .ann is the article's own file (same file system here).
    assert_eq!(ino(&out.join(SEED_ARTICLE)), ino(&article));
    let ann = out.join("000_a935861ad7be96ce.ann");
    let ann_ino = ino(&ann);
    // Again with --force over the same output: nothing changed, nothing rewritten.
    export_to(&out, &["--force", "--link-text"]);
    assert_eq!(ino(&ann), ann_ino);
    assert_eq!(ino(&out.join(SEED_ARTICLE)), ino(&article));
    // The copy has the same bytes, and the same annotation.
    assert_eq!(
        std::fs::read(copied.join(SEED_ARTICLE)).unwrap(),
        std::fs::read(&article).unwrap()
    );
    assert_eq!(
        std::fs::read(copied.join("000_a935861ad7be96ce.ann")).unwrap(),
        std::fs::read(&ann).unwrap()
    );
}

#[test]
fn brat_import_then_export_gives_the_same_spans() {
    let work = tempfile::tempdir().unwrap();
    let claims_dir = work.path().join("claims");
    let back = work.path().join("back");
    let out = run(&["import", "brat", BRAT, "-o", claims_dir.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let summary = stderr(&out);
    assert!(
        summary.contains("imported 1 file(s): 6 claims"),
        "{summary}"
    );
    assert!(
        summary.contains("`Discuss` text-bound in no attribution event"),
        "{summary}"
    );
    assert!(summary.contains("relation (R) line"), "{summary}");
    assert!(
        summary.contains("attribution without a source"),
        "{summary}"
    );
    assert!(
        summary.contains("pronoun source (kept as written)"),
        "{summary}"
    );

    let claims = std::fs::read_to_string(claims_dir.join("footbridge.claims")).unwrap();
    assert!(
        claims.contains("  source: She\n"),
        "pronouns stay as written:\n{claims}"
    );
    assert!(!claims.contains("actor She"), "{claims}");
    assert!(claims.contains("actor mayor Ines Okafor"), "{claims}");
    assert!(claims.contains("  source: unnamed\n"), "{claims}");
    assert!(
        claims.contains("  note: quote split around the cue\n"),
        "{claims}"
    );
    assert!(
        claims.contains("  quote: the plan would\n    go to a public vote in May\n"),
        "{claims}"
    );

    let check = run(&["check", claims_dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));

    let out = run(&[
        "export",
        claims_dir.to_str().unwrap(),
        "--format",
        "brat",
        "-o",
        back.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let input = std::fs::read_to_string(root().join(BRAT).join("footbridge.ann")).unwrap();
    let output = std::fs::read_to_string(back.join("footbridge.ann")).unwrap();
    assert_eq!(spans(&input), spans(&output));
    assert!(
        spans(&input).iter().any(|(_, o)| o.contains(';')),
        "a discontinuous span is tested"
    );
}

/// Claims of a JSON export, without positions: what must survive a round trip.
fn claim_values(doc: &Value) -> Vec<Value> {
    doc["annotations"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c["id"], "source": c["source"]["name"], "cue": c["cue"]["name"],
                "via": c["via"].as_array().unwrap().iter().map(|v| v["name"].clone()).collect::<Vec<_>>(),
                "stance": c["stance"], "relations": c["relations"], "note": c["note"],
                "quotes": c["quotes"].as_array().unwrap().iter().map(|q| q["text"].clone()).collect::<Vec<_>>(),
                "spans": c["quotes"].as_array().unwrap().iter().flat_map(|q| q["parts"].as_array().unwrap().iter().map(|p| p["article"]["bytes"].clone())).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn round_trip(format: &str) {
    let work = tempfile::tempdir().unwrap();
    let exported = work.path().join("exported");
    let imported = work.path().join("imported");
    let out = run(&[
        "export",
        EXAMPLE,
        "--format",
        format,
        "-o",
        exported.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = if format == "brat" {
        run(&[
            "import",
            "brat",
            exported.to_str().unwrap(),
            "-o",
            imported.to_str().unwrap(),
        ])
    } else {
        let file = exported.join("000_a935861ad7be96ce.jsonld");
        let article = root().join("examples").join(SEED_ARTICLE);
        run(&[
            "import",
            "w3c",
            file.to_str().unwrap(),
            article.to_str().unwrap(),
            "-o",
            imported.to_str().unwrap(),
        ])
    };
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let (c, before) = export_json(EXAMPLE);
    assert_eq!(c, 0);
    let (c, after) = export_json(imported.to_str().unwrap());
    assert_eq!(c, 0, "the imported annotation checks clean: {after:#}");
    assert_eq!(claim_values(&before), claim_values(&after), "{format}");
}

#[test]
fn brat_export_then_import_gives_the_same_claims() {
    round_trip("brat");
}

#[test]
fn w3c_export_then_import_gives_the_same_claims() {
    round_trip("w3c");
}

#[test]
fn import_refuses_to_overwrite_without_force() {
    let work = tempfile::tempdir().unwrap();
    let out_dir = work.path().join("o");
    let args = ["import", "brat", BRAT, "-o", out_dir.to_str().unwrap()];
    assert_eq!(code(&run(&args)), 0);
    let target = out_dir.join("footbridge.claims");
    std::fs::write(&target, "# mine\n").unwrap();
    let again = run(&args);
    assert_eq!(code(&again), 2);
    assert!(
        stderr(&again).contains("pass --force"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "# mine\n");
    let mut forced = args.to_vec();
    forced.push("--force");
    assert_eq!(code(&run(&forced)), 0);
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("claim e1"));
}

#[test]
fn import_odd_inputs() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let article = "date 2024-01-02 A headline\n\nThe minister said the road would open in June.\n";
    std::fs::write(dir.join("a.txt"), article).unwrap();
    // A PolNeAR-style name (`_suffix` after the article's name), a bad line, an event
    // without content, an argument naming nothing, offsets past the end.
    std::fs::write(
        dir.join("a_x1.ann"),
        "T1\tSource 28 40\tThe minister\nT2\tCue 41 45\tsaid\nT3\tContent 46 72\tthe road would open in June\nT4\tAttribution 41 45\tsaid\nT6\tCue 0 4\tsaid\nE4\tAttribution:T4 Content:T3 Cue:T6\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Source:T99\nE2\tAttribution:T4 Cue:T2\nT5\tContent 900 950\tnowhere\nE3\tAttribution:T4 Content:T5\nthis is not brat\n",
    )
    .unwrap();
    // An .ann without its .txt.
    std::fs::write(dir.join("orphan.ann"), "T1\tSource 0 1\tx\n").unwrap();
    let out = run_in(dir, &["import", "brat", "."]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    for expected in [
        "`.ann` file without its `.txt` (skipped)",
        "attribution without content",
        "event argument naming a missing text-bound",
        "text-bound offsets outside the article",
        "unreadable .ann line",
        "text differs from the article at its offsets",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in\n{err}");
    }
    let claims = std::fs::read_to_string(dir.join("a_x1.claims")).unwrap();
    assert!(
        claims.contains("article: a.txt\n") && claims.contains("date: 2024-01-02\n"),
        "{claims}"
    );
    let check = run_in(dir, &["check", "a_x1.claims"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));

    // Not a directory; a directory with no .ann.
    assert_eq!(code(&run_in(dir, &["import", "brat", "a.txt"])), 2);
    let empty = dir.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = run_in(dir, &["import", "brat", "empty"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no `.ann` files"), "{}", stderr(&out));

    // W3C: not JSON; an annotation with a quote the article does not hold.
    std::fs::write(dir.join("bad.jsonld"), "{ not json").unwrap();
    assert_eq!(
        code(&run_in(
            dir,
            &["import", "w3c", "bad.jsonld", "a.txt", "-o", "w"]
        )),
        2
    );
    std::fs::write(
        dir.join("one.jsonld"),
        r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "x",
            "body": {"type": "TextualBody", "value": "worth checking"},
            "target": {"source": "a.txt", "selector": {"type": "TextQuoteSelector", "exact": "the bridge would open"}}}"#,
    )
    .unwrap();
    let out = run_in(dir, &["import", "w3c", "one.jsonld", "a.txt", "-o", "w"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("quote the article does not hold"),
        "{}",
        stderr(&out)
    );
    let claims = std::fs::read_to_string(dir.join("w/a.claims")).unwrap();
    assert!(
        claims.contains(
            "  source: unnamed\n  quote: the bridge would open\n  note: worth checking\n"
        ),
        "{claims}"
    );
    assert!(Path::new(&dir.join("w/a.txt")).exists());
}

fn example_claims() -> usize {
    std::fs::read_to_string(root().join("examples").join("000_a935861ad7be96ce.claims"))
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("claim "))
        .count()
}
