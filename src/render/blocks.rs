//! A multi-line answer cut into the blocks every document format shows:
//! paragraphs (blank lines between them, single line breaks kept) and the
//! lists the user wrote as lines starting with « - » (such as the
//! initiatives cited in `pertinence.solutions_existantes`). Each format
//! writes the list markup itself and escapes the items' text, so a « - »
//! line gives a list and nothing else.

/// One block of an answer, its lines trimmed and never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<'a> {
    /// Lines of a paragraph, to keep as line breaks.
    Paragraph(Vec<&'a str>),
    /// The items of a list, without their « - ».
    List(Vec<&'a str>),
}

/// The blocks of `text`, whose line breaks are already `\n`.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out: Vec<Block> = Vec::new();
    // A blank line ends the block; the next line starts a new one.
    let mut open = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            open = false;
            continue;
        }
        let item = line.strip_prefix("- ").map(str::trim_start);
        match (item, out.last_mut()) {
            (Some(item), Some(Block::List(items))) if open => items.push(item),
            (None, Some(Block::Paragraph(lines))) if open => lines.push(line),
            (Some(item), _) => out.push(Block::List(vec![item])),
            (None, _) => out.push(Block::Paragraph(vec![line])),
        }
        open = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_lines_are_lists_other_lines_paragraphs() {
        let text = "Nous avons lu le tableau.\nDeux équipes :\n- Aiguilleur (Gironde) : leurs motifs\n-  Tri du courrier\n\n\nFin.\n-sans espace\n- \n";
        assert_eq!(
            blocks(text),
            [
                Block::Paragraph(vec!["Nous avons lu le tableau.", "Deux équipes :"]),
                Block::List(vec![
                    "Aiguilleur (Gironde) : leurs motifs",
                    "Tri du courrier"
                ]),
                Block::Paragraph(vec!["Fin.", "-sans espace", "-"]),
            ]
        );
    }

    #[test]
    fn a_blank_line_separates_two_lists() {
        assert_eq!(
            blocks("- a\n\n- b"),
            [Block::List(vec!["a"]), Block::List(vec!["b"])]
        );
        assert!(blocks(" \n\n").is_empty());
    }
}
