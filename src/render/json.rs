//! JSON with provenance: every section and block, the source sentences each
//! holds or the template and facts that made it, and the removals.
use crate::model::Article;

pub fn json(a: &Article) -> String {
    let mut s =
        serde_json::to_string_pretty(a).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
