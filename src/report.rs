//! The Report: plain data, the same JSON from wasm, Node and the command-line tool.
//!
//! Every span that leaves the core is a [`Span`] whose `start` and `end` count
//! **UTF-16 code units** of the input text (what JavaScript and the DOM use).
//! Inside the core, byte offsets are used ([`ByteSpan`]); they are converted
//! once, at the end of `analyze`, by [`crate::offsets::Utf16Index`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the Report's shape; bumped when a field changes meaning.
pub const REPORT_VERSION: u32 = 1;

/// A half-open range of the input in UTF-16 code units, with the text it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First UTF-16 code unit of the span.
    pub start: u32,
    /// One past the last UTF-16 code unit of the span.
    pub end: u32,
    /// The input text between `start` and `end`.
    pub text: String,
}

/// A half-open range of the input in bytes: used inside the core only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        ByteSpan { start, end }
    }
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn contains(&self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: ByteSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Who a claim rests on. The first four are flags: what a reader sees marked by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Unnamed people who are said to know: "sources familiar with the matter".
    Anonymous,
    /// An unspecified crowd, or nobody at all: "critics say", "it is believed".
    Vague,
    /// The text itself marks the claim as unconfirmed: "reportedly", "allegedly".
    Unverified,
    /// Another outlet's, or the outlet's own earlier, reporting: "as CNN previously reported".
    Report,
    /// An institution on the record: "the Pentagon declined to comment".
    Organisation,
    /// An identified person: "Trump said Monday", "the secretary said" after naming him.
    Named,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Anonymous,
        Kind::Vague,
        Kind::Unverified,
        Kind::Report,
        Kind::Organisation,
        Kind::Named,
    ];

    /// The kinds marked by default.
    pub fn is_flag(self) -> bool {
        matches!(self, Kind::Anonymous | Kind::Vague | Kind::Unverified | Kind::Report)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Anonymous => "anonymous",
            Kind::Vague => "vague",
            Kind::Unverified => "unverified",
            Kind::Report => "report",
            Kind::Organisation => "organisation",
            Kind::Named => "named",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Languages the core knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Es,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }
}

/// Whether the article says why an anonymous source was granted anonymity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// No reason at all.
    None,
    /// Only the stock phrase "not authorized to speak publicly" (or its like).
    Boilerplate,
    /// A real reason: "because the talks are private", "for fear of reprisal".
    Given,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::None => "none",
            Reason::Boilerplate => "boilerplate",
            Reason::Given => "given",
        }
    }
}

/// How many people an anonymous mention speaks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The number when the text states it ("two people" → 2, "a source" → 1).
    pub number: Option<u32>,
    /// True for a plural mention ("sources", "officials") or a number above one.
    pub plural: bool,
}

/// What newsroom standards ask of an anonymous attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checks {
    /// Is a reason for anonymity given (here or at another mention of the same group)?
    pub reason: Reason,
    /// The words that give the reason, when found.
    pub reason_text: Option<Span>,
    /// Is the source's position to know given ("familiar with", "briefed on")?
    pub vantage: bool,
    /// The words that give the vantage, when found.
    pub vantage_text: Option<Span>,
    /// How many sources this mention speaks for.
    pub count: Count,
    /// Does the anonymous source characterise or attack a person rather than report a fact?
    pub opinion: bool,
}

/// One attributed claim: one sentence that rests on one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index of this claim in `Report::claims`.
    pub id: u32,
    pub kind: Kind,
    /// `kind` is one of the four flagged kinds.
    pub flag: bool,
    /// The sentence the claim is in.
    pub sentence: Span,
    /// The cue: "said", "according to", "reportedly", "declined to comment".
    /// For a quoted sentence that continues an earlier attribution, the earlier cue.
    pub cue: Span,
    /// Who is said to have said it; absent for hedges ("reportedly") and impersonal cues ("it is believed").
    pub source: Option<Span>,
    /// What is asserted.
    pub claim: Span,
    /// Id of this claim's entry in `Report::groups`: the same source mentioned again.
    pub group: Option<u32>,
    /// For a sentence that continues a quote attributed in an earlier sentence: that claim's id.
    pub continues: Option<u32>,
    /// Standards checks; present for `anonymous` claims only.
    pub checks: Option<Checks>,
    /// A short plain-language explanation in the text's language.
    pub explanation: String,
}

/// One distinct source and every claim that rests on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: u32,
    pub kind: Kind,
    /// How the source is first described ("sources familiar with the matter", "Donald Trump").
    pub label: String,
    /// Ids of the claims that rest on this source, in document order.
    pub mentions: Vec<u32>,
    /// For anonymous groups: the most that any mention says about how many they are.
    pub count: Option<Count>,
}

/// Counts of standards checks that anonymous claims miss.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecksMissed {
    /// Anonymous claims with no reason for anonymity.
    pub reason: u32,
    /// Anonymous claims whose only reason is boilerplate.
    pub boilerplate_reason: u32,
    /// Anonymous claims with no vantage.
    pub vantage: u32,
    /// Anonymous claims that characterise or attack a person.
    pub opinion: u32,
}

/// Totals for the whole text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// All attributed claims.
    pub claims: u32,
    /// Claims whose kind is a flag.
    pub flagged: u32,
    /// Claims per kind (every kind present, zero when none).
    pub by_kind: BTreeMap<String, u32>,
    /// Distinct groups of anonymous sources.
    pub anonymous_groups: u32,
    /// Anonymous claims as a share of all claims (0 when there are none).
    pub anonymous_share: f64,
    pub checks_missed: ChecksMissed,
    /// Sentences in the text.
    pub sentences: u32,
}

/// What `analyze` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    /// The language the text was read in ("en" or "es").
    pub language: Language,
    /// Length of the input in UTF-16 code units: every span lies within it.
    pub length: u32,
    /// Attributed claims in document order.
    pub claims: Vec<Claim>,
    pub groups: Vec<Group>,
    pub summary: Summary,
}
