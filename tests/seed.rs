//! The seed article (../shared/seed, outside the repository): the sourcing the product
//! started from must read exactly as the issue says. Skipped, with a message, when absent.

use sourcelight::{analyze, Claim, Kind, Options, Reason};
use std::path::PathBuf;

fn seed_text() -> Option<String> {
    let dir = std::env::var_os("SOURCELIGHT_SEED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed"));
    let file = std::fs::read_dir(&dir).ok()?.filter_map(Result::ok).map(|e| e.path()).find(|p| p.extension().is_some_and(|e| e == "txt"))?;
    std::fs::read_to_string(file).ok()
}

fn claim_in<'a>(claims: &'a [Claim], sentence_has: &str) -> Vec<&'a Claim> {
    claims.iter().filter(|c| c.sentence.text.contains(sentence_has)).collect()
}

#[test]
fn seed_article_reads_as_the_issue_says() {
    let Some(text) = seed_text() else {
        eprintln!("seed article not found (../shared/seed): skipped");
        return;
    };
    let report = analyze(&text, &Options::default());
    let claims = &report.claims;

    // "sources familiar with the matter" and its back-references: one anonymous group, plural, no reason.
    let first = claims.iter().find(|c| c.source.as_ref().is_some_and(|s| s.text == "sources familiar with the matter")).expect("first mention");
    assert_eq!(first.kind, Kind::Anonymous);
    let group = first.group.expect("a group");
    let members: Vec<&Claim> = claims.iter().filter(|c| c.group == Some(group)).collect();
    assert_eq!(members.len(), 5, "five sentences rest on the sources: {:#?}", members.iter().map(|c| &c.sentence.text).collect::<Vec<_>>());
    for needle in ["the sources said", "according to the sources", "sources said, underscoring", "One of the sources said"] {
        assert!(members.iter().any(|c| c.sentence.text.contains(needle)), "{needle:?} joins the group");
    }
    for c in &members {
        assert_eq!(c.kind, Kind::Anonymous);
        let checks = c.checks.as_ref().expect("anonymous claims carry checks");
        assert_eq!(checks.reason, Reason::None, "no reason is given anywhere");
        assert!(checks.vantage, "the group says it is familiar with the matter");
    }
    let g = &report.groups[group as usize];
    assert!(g.count.as_ref().is_some_and(|c| c.plural), "plural count: {:?}", g.count);
    assert_eq!(report.summary.anonymous_groups, 3, "the sources, 'Officials', 'Top officials'");

    // "Officials have pointed to…" is flagged.
    let officials = claim_in(claims, "Officials have pointed to");
    assert!(officials.iter().any(|c| c.flag && c.source.as_ref().is_some_and(|s| s.text == "Officials")));

    // Trump, Wiles and Hegseth (including "the secretary said") are named.
    for (sentence, source) in [
        ("we hit all the boats", "Trump"),
        ("Asked about it again on Monday", "he"),
        ("Susie Wiles told Vanity Fair", "Trump’s chief of staff Susie Wiles"),
        ("al Qaeda of our hemisphere", "the secretary"),
    ] {
        let found = claim_in(claims, sentence);
        assert!(
            found.iter().any(|c| c.kind == Kind::Named && c.source.as_ref().is_some_and(|s| s.text == source)),
            "{source:?} in {sentence:?} is named: {found:#?}"
        );
    }
    let secretary = claim_in(claims, "al Qaeda of our hemisphere")[0];
    assert!(report.groups[secretary.group.unwrap() as usize].label.contains("Hegseth"), "the secretary points back to Hegseth");
    assert!(secretary.explanation.contains("Hegseth"));
    // The quote after "the secretary said" continues it.
    let continued = claim_in(claims, "And we are hunting them");
    assert!(continued.iter().any(|c| c.kind == Kind::Named && c.continues.is_some()));

    // "The CIA declined to comment" is an organisation; CNN's own reporting is a report.
    assert!(claim_in(claims, "The CIA declined to comment").iter().any(|c| c.kind == Kind::Organisation));
    assert!(claim_in(claims, "CNN previously reported").iter().any(|c| c.kind == Kind::Report));
    assert!(claim_in(claims, "as CNN has reported").iter().any(|c| c.kind == Kind::Report));

    // Nothing named is ever reported as anonymous or vague.
    for c in claims {
        if let Some(s) = &c.source {
            if ["Trump", "he", "The CIA", "CNN"].contains(&s.text.as_str()) {
                assert!(!matches!(c.kind, Kind::Anonymous | Kind::Vague), "{c:#?}");
            }
        }
    }
}
