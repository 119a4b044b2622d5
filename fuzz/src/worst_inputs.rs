//! Worst-case inputs for `analyze`, each generated at any size, and ordinary
//! news-like text to compare them with. Shared by `tests/worst_cases.rs` (about 1 MB,
//! debug build: no panic, valid spans) and `benches/worst_cases.rs` (10 MB, release:
//! each within 2x the time of ordinary text of the same size), which include this file
//! with `#[path]`.

#![allow(dead_code)]

const NAMES: [&str; 6] = ["Maria Lopez", "John Carter", "Aiko Tanaka", "Peter Novak", "Grace Okafor", "Omar Haddad"];
const PLACES: [&str; 5] = ["Lisbon", "Ohio", "the northern port", "Nairobi", "Osaka"];

/// Ordinary news sentences: every kind of attribution and plain sentences in between.
const NEWS: [&str; 16] = [
    "The plant in {p} will close by the end of the year, sources familiar with the matter said.",
    "Critics say the closure was rushed and that {d} workers were never consulted.",
    "The manager reportedly resigned after a heated meeting on Tuesday.",
    "The company declined to comment.",
    "“We are heartbroken and we will fight this,” said {n}, who has worked at the site for {d} years.",
    "The minister said the government would review the decision within {d} days.",
    "The factory opened in 1987 and once employed more than {d} people.",
    "Two people briefed on the plans said the buyer had walked away, speaking on condition of anonymity because the talks are private.",
    "According to Reuters, the board met in secret on {d} occasions before announcing the cuts.",
    "It is believed that the company had been losing money for several years.",
    "{n} said the decision was “a betrayal of everyone who built this town.”",
    "Shares in the parent group rose {d} percent in early trading.",
    "A senior official, who was not authorized to speak publicly, said the government had offered a subsidy.",
    "Residents gathered outside the gates in {p} on Monday, holding signs and singing.",
    "As The New York Times previously reported, the group had sought a buyer since last autumn.",
    "El Gobierno prepara un recorte, según fuentes conocedoras de la negociación, dijo {n}.",
];

fn sentence(i: usize) -> String {
    let t = NEWS[(i * 7) % NEWS.len()];
    t.replace("{n}", NAMES[i % NAMES.len()])
        .replace("{p}", PLACES[(i / 3) % PLACES.len()])
        .replace("{d}", &((i * 37 + 11) % 997 + 2).to_string())
}

/// Repeats `piece(i)` for i = 0, 1, … until the text has at least `bytes` bytes.
fn fill(bytes: usize, mut piece: impl FnMut(usize, &mut String)) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while out.len() < bytes {
        piece(i, &mut out);
        i += 1;
    }
    out
}

/// Ordinary news text: sentences in paragraphs of four.
pub fn ordinary(bytes: usize) -> String {
    fill(bytes, |i, out| {
        out.push_str(&sentence(i));
        out.push_str(if i % 4 == 3 { "\n" } else { " " });
    })
}

/// The same news text with every sentence end and line break taken out: one sentence
/// with thousands of cues in it.
pub fn no_sentence_end(bytes: usize) -> String {
    fill(bytes, |i, out| {
        for c in sentence(i).chars() {
            out.push(match c {
                '.' | '!' | '?' | '…' | '\n' | '\r' => ' ',
                c => c,
            });
        }
        out.push(' ');
    })
}

/// One cue word repeated: "said said said …" (one line, no sentence end).
pub fn repeated_cue(bytes: usize) -> String {
    "said ".repeat(bytes.div_ceil(5))
}

/// "a\n" repeated: a paragraph of one letter per line.
pub fn tiny_paragraphs(bytes: usize) -> String {
    "a\n".repeat(bytes.div_ceil(2))
}

/// Nothing but quote marks of every kind, a space now and then.
pub fn quote_marks(bytes: usize) -> String {
    const MARKS: [char; 10] = ['"', '“', '”', '«', '»', '„', '‘', '’', '\'', '"'];
    fill(bytes, |i, out| {
        out.push(MARKS[i % MARKS.len()]);
        if i % 7 == 6 {
            out.push(' ');
        }
    })
}

/// Quotes inside quotes, as deep as the text is long: each level is its own attributed
/// sentence that opens the next quote, then every quote closes.
pub fn nested_quotes(bytes: usize) -> String {
    const OPEN: [&str; 4] = ["A source said. “", "Officials said: ‘", "She said. «", "He told reporters: „"];
    const CLOSE: [&str; 4] = ["” he said. ", "’ they said. ", "» she added. ", "“ sources said. "];
    let level: usize = OPEN.iter().chain(CLOSE.iter()).map(|s| s.len()).sum::<usize>() / 4;
    let depth = bytes / level;
    let mut out = String::with_capacity(bytes + 64);
    for i in 0..depth {
        out.push_str(OPEN[i % 4]);
    }
    out.push_str("The deal is off.");
    for i in (0..depth).rev() {
        out.push_str(CLOSE[i % 4]);
    }
    out
}

/// What the extension gets from a DOM text with lone surrogates: JavaScript strings may
/// hold half an emoji, and wasm-bindgen's UTF-16 → UTF-8 conversion turns each lone half
/// into U+FFFD. Built the same way: news text with an emoji after every word, as UTF-16,
/// with the second half of every other emoji removed (and some first halves), then decoded lossily.
pub fn lone_surrogates(bytes: usize) -> String {
    let news = ordinary(bytes / 2);
    let mut units: Vec<u16> = Vec::with_capacity(news.len() * 2);
    let mut emoji = 0usize;
    for word in news.split(' ') {
        units.extend(word.encode_utf16());
        let e = char::from_u32(0x1F600 + (emoji % 64) as u32).unwrap();
        let mut pair = [0u16; 2];
        e.encode_utf16(&mut pair);
        match emoji % 4 {
            0 => units.push(pair[0]),                          // high surrogate alone
            1 => units.extend_from_slice(&pair),               // whole emoji
            2 => units.push(pair[1]),                          // low surrogate alone
            _ => units.extend_from_slice(&[pair[1], pair[0]]), // halves swapped
        }
        emoji += 1;
        units.push(u16::from(b' '));
    }
    let mut text = String::from_utf16_lossy(&units);
    while text.len() < bytes {
        let more = text.clone();
        text.push_str(&more);
    }
    truncate(text, bytes)
}

/// News text with a NUL or another control character (C0, DEL, C1) after every word.
pub fn control_chars(bytes: usize) -> String {
    let controls: Vec<char> = (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32).collect();
    let mut k = 0;
    fill(bytes, |i, out| {
        for word in sentence(i).split(' ') {
            out.push_str(word);
            out.push(controls[k % controls.len()]);
            k += 1;
            if k % 3 == 0 {
                out.push('\0');
            }
        }
    })
}

/// Right-to-left text: Arabic and Hebrew news sentences with bidi controls
/// (RLM, RLE/PDF, RLO, RLI/PDI) and English cues inside.
pub fn right_to_left(bytes: usize) -> String {
    const RTL: [&str; 6] = [
        "قال مسؤول كبير إن الاتفاق أصبح قريبا.",
        "وأفادت مصادر مطلعة بأن المحادثات ستستأنف الأسبوع المقبل؟",
        "אמר דובר הממשלה כי ההחלטה סופית.",
        "\u{202B}לדברי גורמים בכירים, העסקה בוטלה\u{202C}.",
        "\u{202E}The minister said the talks failed\u{202C}, مصادر said.",
        "\u{2067}“لن نتراجع”\u{2069} said \u{200F}أحمد حداد\u{200F}.",
    ];
    fill(bytes, |i, out| {
        out.push_str(RTL[i % RTL.len()]);
        out.push_str(if i % 5 == 4 { "\n" } else { " " });
    })
}

/// Sentences that switch script mid-word and mid-sentence: Latin, Cyrillic, Greek, CJK,
/// Devanagari and Thai (combining marks), emoji sequences (ZWJ, flags, skin tones).
pub fn mixed_scripts(bytes: usize) -> String {
    const PIECES: [&str; 8] = [
        "Официальные лица said the deal was off.",
        "Οι πηγές said, according to Reuters, 消息人士说交易已经取消。",
        "東京の関係者によると said 👩‍👩‍👧 the minister 🇪🇸🇯🇵 resigned.",
        "प्रवक्ता ने कहा कि समझौता हो गया, sources said.",
        "โฆษกกล่าวว่า the company declined to comment ครับ.",
        "Cafe\u{301} Nu\u{303}n\u{303}ez dijo que 👍🏽 «no» según fuentes.",
        "“Мы не сдадимся,” said 李明, who spoke on condition of anonymity.",
        "Ǆemal ǅ ǆ ﬁnance ß İstanbul officials said 𝕏 𝄞 \u{10FFFF}.",
    ];
    fill(bytes, |i, out| {
        out.push_str(PIECES[(i * 3) % PIECES.len()]);
        out.push_str(if i % 6 == 5 { "\n" } else { " " });
    })
}

/// Cuts `text` to at most `bytes` bytes, at a char boundary.
fn truncate(mut text: String, bytes: usize) -> String {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// Every worst case by name, for the test and the benchmark.
pub const CASES: [(&str, fn(usize) -> String); 9] = [
    ("no_sentence_end", no_sentence_end),
    ("repeated_cue", repeated_cue),
    ("tiny_paragraphs", tiny_paragraphs),
    ("quote_marks", quote_marks),
    ("nested_quotes", nested_quotes),
    ("lone_surrogates", lone_surrogates),
    ("control_chars", control_chars),
    ("right_to_left", right_to_left),
    ("mixed_scripts", mixed_scripts),
];
