//! Small text helpers for the official exports: their annotations carry HTML.

/// Turns an export's annotation HTML into plain text: tags dropped, `<p>` as a line
/// break, entities decoded, non-breaking spaces made plain, spacing tidied.
pub fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        match rest[lt..].find('>') {
            Some(gt) => {
                let tag = rest[lt + 1..lt + gt].trim().to_ascii_lowercase();
                if tag == "p" || tag == "br" || tag == "br/" || tag == "/p" {
                    out.push('\n');
                }
                rest = &rest[lt + gt + 1..];
            }
            None => {
                out.push_str(&rest[lt..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    let out = out
        .replace('\u{a0}', " ")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace('\t', " ");
    let lines: Vec<String> = out
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// Splits a list the exports write as "a, b, c" (or with `;`), dropping empty items.
pub fn split_list(text: &str, sep: char) -> Vec<String> {
    text.split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_strips_tags_and_keeps_paragraphs() {
        assert_eq!(
            plain("All parts except:<p> a) seeds;<p> b) <i>in vitro</i>\u{a0}cultures"),
            "All parts except:\na) seeds;\nb) in vitro cultures"
        );
        assert_eq!(
            plain("Included in <i>Tauraco</i> spp. "),
            "Included in Tauraco spp."
        );
    }

    #[test]
    fn split_list_trims() {
        assert_eq!(split_list("AU, ID,, PG ", ','), vec!["AU", "ID", "PG"]);
    }
}
