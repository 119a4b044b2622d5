//! The Report as a plain JS object, built field by field.
//!
//! Written by hand rather than with serde-wasm-bindgen, whose generic serializer cost the wasm
//! several KB; the object is the same as it made: fields in declaration order, `None` as a
//! property set to `undefined`, enums as their lower-case names, `Vec`s as arrays and
//! `summary.by_kind` as an object in key order. Each struct is destructured whole, so a field
//! added to the Report does not compile until it is written here too.

use wasm_bindgen::prelude::*;

use crate::{Checks, ChecksMissed, Claim, Count, Group, Report, Span, Summary};

#[wasm_bindgen]
extern "C" {
    /// A plain object (`{}`), given properties by `obj[key] = value`.
    #[wasm_bindgen(js_name = Object)]
    type Obj;
    #[wasm_bindgen(constructor, js_class = "Object")]
    fn new() -> Obj;
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Obj, key: &JsValue, value: JsValue);

    /// An array, filled by `push`.
    #[wasm_bindgen(js_name = Array)]
    type Arr;
    #[wasm_bindgen(constructor, js_class = "Array")]
    fn new() -> Arr;
    #[wasm_bindgen(method)]
    fn push(this: &Arr, value: JsValue);
}

/// Declares the property names once as JS strings, made once per report rather than once per
/// property set (a 1 MB article sets hundreds of thousands).
macro_rules! keys {
    ($($name:ident)*) => {
        #[allow(non_snake_case)]
        struct Keys { $($name: JsValue,)* }
        impl Keys {
            fn new() -> Keys {
                Keys { $($name: JsValue::from_str(stringify!($name)),)* }
            }
        }
    };
}

keys!(
    version language length claims groups summary
    id kind flag sentence cue source claim group continues checks explanation
    start end text
    reason reason_text vantage vantage_text count opinion number plural
    label mentions
    flagged by_kind anonymous_groups anonymous_share checks_missed sentences boilerplate_reason
);

/// `report` as the object that `analyze` returns to JavaScript.
pub fn report(report: &Report) -> JsValue {
    let k = &Keys::new();
    let Report { version, language, length, claims, groups, summary } = report;
    let o = Obj::new();
    o.set(&k.version, (*version).into());
    o.set(&k.language, language.as_str().into());
    o.set(&k.length, (*length).into());
    o.set(&k.claims, array(claims.iter().map(|c| claim(k, c))));
    o.set(&k.groups, array(groups.iter().map(|g| group(k, g))));
    o.set(&k.summary, self::summary(k, summary));
    o.into()
}

fn claim(k: &Keys, c: &Claim) -> JsValue {
    let Claim { id, kind, flag, sentence, cue, source, claim, group, continues, checks, explanation } = c;
    let o = Obj::new();
    o.set(&k.id, (*id).into());
    o.set(&k.kind, kind.as_str().into());
    o.set(&k.flag, (*flag).into());
    o.set(&k.sentence, span(k, sentence));
    o.set(&k.cue, span(k, cue));
    o.set(&k.source, optional(source.as_ref(), |s| span(k, s)));
    o.set(&k.claim, span(k, claim));
    o.set(&k.group, (*group).into());
    o.set(&k.continues, (*continues).into());
    o.set(&k.checks, optional(checks.as_ref(), |x| self::checks(k, x)));
    o.set(&k.explanation, explanation.as_str().into());
    o.into()
}

fn checks(k: &Keys, c: &Checks) -> JsValue {
    let Checks { reason, reason_text, vantage, vantage_text, count, opinion } = c;
    let o = Obj::new();
    o.set(&k.reason, reason.as_str().into());
    o.set(&k.reason_text, optional(reason_text.as_ref(), |s| span(k, s)));
    o.set(&k.vantage, (*vantage).into());
    o.set(&k.vantage_text, optional(vantage_text.as_ref(), |s| span(k, s)));
    o.set(&k.count, self::count(k, count));
    o.set(&k.opinion, (*opinion).into());
    o.into()
}

fn group(k: &Keys, g: &Group) -> JsValue {
    let Group { id, kind, label, mentions, count } = g;
    let o = Obj::new();
    o.set(&k.id, (*id).into());
    o.set(&k.kind, kind.as_str().into());
    o.set(&k.label, label.as_str().into());
    o.set(&k.mentions, array(mentions.iter().map(|&m| m.into())));
    o.set(&k.count, optional(count.as_ref(), |c| self::count(k, c)));
    o.into()
}

fn summary(k: &Keys, s: &Summary) -> JsValue {
    let Summary { claims, flagged, by_kind, anonymous_groups, anonymous_share, checks_missed, sentences } = s;
    let kinds = Obj::new();
    for (kind, n) in by_kind {
        kinds.set(&JsValue::from_str(kind), (*n).into());
    }
    let ChecksMissed { reason, boilerplate_reason, vantage, opinion } = checks_missed;
    let missed = Obj::new();
    missed.set(&k.reason, (*reason).into());
    missed.set(&k.boilerplate_reason, (*boilerplate_reason).into());
    missed.set(&k.vantage, (*vantage).into());
    missed.set(&k.opinion, (*opinion).into());
    let o = Obj::new();
    o.set(&k.claims, (*claims).into());
    o.set(&k.flagged, (*flagged).into());
    o.set(&k.by_kind, kinds.into());
    o.set(&k.anonymous_groups, (*anonymous_groups).into());
    o.set(&k.anonymous_share, (*anonymous_share).into());
    o.set(&k.checks_missed, missed.into());
    o.set(&k.sentences, (*sentences).into());
    o.into()
}

fn span(k: &Keys, s: &Span) -> JsValue {
    let Span { start, end, text } = s;
    let o = Obj::new();
    o.set(&k.start, (*start).into());
    o.set(&k.end, (*end).into());
    o.set(&k.text, text.as_str().into());
    o.into()
}

fn count(k: &Keys, c: &Count) -> JsValue {
    let Count { number, plural } = c;
    let o = Obj::new();
    o.set(&k.number, (*number).into());
    o.set(&k.plural, (*plural).into());
    o.into()
}

/// `None` is `undefined`, as serde-wasm-bindgen wrote it (a property that is there, set to undefined).
fn optional<T>(value: Option<&T>, to_js: impl FnOnce(&T) -> JsValue) -> JsValue {
    value.map_or(JsValue::UNDEFINED, to_js)
}

fn array(items: impl Iterator<Item = JsValue>) -> JsValue {
    let a = Arr::new();
    for item in items {
        a.push(item);
    }
    a.into()
}
