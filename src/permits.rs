//! The permit rules: which CITES documents a shipment needs, and why, citing the Article or
//! Resolution. Pure: a [`Case`] in, a [`Ruling`] out.
//!
//! Written from the Convention's text (Arts. III, IV, V and VII) and Res. Conf. 12.3 and
//! 12.10 as summarised in the project's sources; the rules a Party adds under Art. XIV
//! (stricter domestic measures) are out of scope and said so in the rulings.

use crate::catalog::model::Appendix;
use std::fmt;

/// Which way the specimen moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trade {
    Export,
    Import,
    ReExport,
    IntroductionFromSea,
}

impl Trade {
    pub const ALL: [Trade; 4] = [
        Trade::Export,
        Trade::Import,
        Trade::ReExport,
        Trade::IntroductionFromSea,
    ];
}

impl fmt::Display for Trade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Trade::Export => "export",
            Trade::Import => "import",
            Trade::ReExport => "re-export",
            Trade::IntroductionFromSea => "introduction from the sea",
        })
    }
}

/// A shipment as an officer meets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The Appendix of the specimen's population.
    pub appendix: Appendix,
    /// Source code (Res. Conf. 12.3): W, R, D, A, C, F, U, I, O, X.
    pub source: char,
    /// Purpose code: T, Z, G, Q, S, H, P, M, E, N, B, L.
    pub purpose: char,
    pub trade: Trade,
    /// Appendix III: the shipment comes from (or is exported by) the State that listed it.
    pub listing_state: bool,
    pub pre_convention: bool,
    pub personal_effect: bool,
    pub in_transit: bool,
    /// A plant (source A) rather than an animal (source C).
    pub plant: bool,
}

impl Case {
    pub fn new(appendix: Appendix, source: char, purpose: char, trade: Trade) -> Case {
        Case {
            appendix,
            source,
            purpose,
            trade,
            listing_state: true,
            pre_convention: false,
            personal_effect: false,
            in_transit: false,
            plant: false,
        }
    }
}

/// A document the shipment needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Document {
    ExportPermit,
    ImportPermit,
    ReExportCertificate,
    CertificateOfOrigin,
    IntroductionFromSeaCertificate,
    PreConventionCertificate,
    CaptiveBreedingCertificate,
}

impl Document {
    pub fn name(self) -> &'static str {
        match self {
            Document::ExportPermit => "export permit",
            Document::ImportPermit => "import permit",
            Document::ReExportCertificate => "re-export certificate",
            Document::CertificateOfOrigin => "certificate of origin",
            Document::IntroductionFromSeaCertificate => "certificate of introduction from the sea",
            Document::PreConventionCertificate => "pre-Convention certificate",
            Document::CaptiveBreedingCertificate => {
                "certificate of captive breeding or artificial propagation"
            }
        }
    }
}

/// What the rules say of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ruling {
    /// False when the Convention does not allow the trade as described.
    pub allowed: bool,
    pub documents: Vec<Document>,
    /// Why, each with its Article or Resolution.
    pub reasons: Vec<String>,
    /// The Articles and Resolutions relied on ("Art. III.3").
    pub basis: Vec<&'static str>,
}

impl Ruling {
    fn new() -> Ruling {
        Ruling {
            allowed: true,
            documents: Vec::new(),
            reasons: Vec::new(),
            basis: Vec::new(),
        }
    }

    fn need(&mut self, doc: Document, basis: &'static str, why: &str) {
        if !self.documents.contains(&doc) {
            self.documents.push(doc);
        }
        self.reasons.push(format!("{why} ({basis})."));
        if !self.basis.contains(&basis) {
            self.basis.push(basis);
        }
    }

    fn note(&mut self, basis: &'static str, why: &str) {
        self.reasons.push(format!("{why} ({basis})."));
        if !self.basis.contains(&basis) {
            self.basis.push(basis);
        }
    }

    /// The documents in words: "an export permit and an import permit".
    pub fn documents_in_words(&self) -> String {
        if !self.allowed {
            return "no document can make this trade lawful".into();
        }
        if self.documents.is_empty() {
            return "no CITES document".into();
        }
        let names: Vec<String> = self
            .documents
            .iter()
            .map(|d| format!("{} {}", article(d.name()), d.name()))
            .collect();
        match names.len() {
            1 => names[0].clone(),
            _ => format!(
                "{} and {}",
                names[..names.len() - 1].join(", "),
                names[names.len() - 1]
            ),
        }
    }
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The rules for one case.
pub fn rule(case: &Case) -> Ruling {
    let mut r = Ruling::new();
    if case.appendix == Appendix::NC {
        r.note(
            "Art. II",
            "The population is in no Appendix, so the Convention requires no document",
        );
        return r;
    }
    if case.in_transit {
        r.note(
            "Art. VII.1",
            "Articles III, IV and V do not apply to specimens in transit or being transshipped while they remain under customs control",
        );
        return r;
    }
    if case.pre_convention && case.trade != Trade::Import {
        r.need(
            Document::PreConventionCertificate,
            "Art. VII.2",
            "The Management Authority of the exporting or re-exporting State certifies that the specimen was acquired before the Convention applied to it; Articles III, IV and V then do not apply",
        );
        return r;
    }
    if case.pre_convention {
        r.need(
            Document::PreConventionCertificate,
            "Art. VII.2",
            "The importing Party sees the pre-Convention certificate of the exporting or re-exporting State instead of the permits of Articles III to V",
        );
        return r;
    }
    if case.personal_effect {
        match case.appendix {
            Appendix::I => r.note(
                "Art. VII.3(a)",
                "The personal-effects exemption does not cover Appendix I specimens acquired outside the owner's State of usual residence and brought into it: the full rules apply",
            ),
            _ => {
                r.note(
                    "Art. VII.3",
                    "Personal or household effects are exempt from Articles III to V, unless an Appendix II specimen was acquired in the State where it was taken from the wild and that State requires an export permit (Art. VII.3(b)); Parties may be stricter (Art. XIV)",
                );
                return r;
            }
        }
    }

    // Captive breeding and artificial propagation (Art. VII.4 and VII.5).
    let mut appendix = case.appendix;
    if case.source == 'D' && appendix == Appendix::I {
        r.note(
            "Art. VII.4; Res. Conf. 12.10",
            "Appendix I specimens bred in captivity or artificially propagated for commercial purposes in a registered operation (source D) are deemed to be Appendix II specimens",
        );
        appendix = Appendix::II;
    } else if (case.source == 'C' || case.source == 'A') && case.trade != Trade::IntroductionFromSea
    {
        if appendix == Appendix::I && case.purpose == 'T' {
            r.allowed = false;
            r.note(
                "Art. VII.4, VII.5; Res. Conf. 12.10",
                "Appendix I animals bred, or plants propagated, for commercial purposes may be traded only as source D from an operation registered with the Secretariat",
            );
            return r;
        }
        let why = if case.plant {
            "The Management Authority of the exporting State certifies that the plant was artificially propagated; its certificate is accepted in place of the permits of Articles III to V"
        } else {
            "The Management Authority of the exporting State certifies that the animal was bred in captivity; its certificate is accepted in place of the permits of Articles III to V"
        };
        r.need(Document::CaptiveBreedingCertificate, "Art. VII.5", why);
        return r;
    }

    match (appendix, case.trade) {
        (Appendix::I, trade) => {
            let commercial = case.purpose == 'T';
            if commercial && trade != Trade::Export && trade != Trade::ReExport || commercial && trade == Trade::IntroductionFromSea {
                r.allowed = false;
                r.note(
                    "Art. III.3(c), III.5(c)",
                    "An import permit (or a certificate of introduction from the sea) for an Appendix I specimen is granted only if it will not be used for primarily commercial purposes",
                );
                return r;
            }
            match trade {
                Trade::Export => {
                    r.need(Document::ExportPermit, "Art. III.2", "Export of an Appendix I specimen needs an export permit granted and presented beforehand");
                    r.need(
                        Document::ImportPermit,
                        "Art. III.2(d)",
                        "The export permit is granted only once an import permit has been granted by the importing State",
                    );
                    if commercial {
                        r.allowed = false;
                        r.note("Art. III.3(c)", "The importing State cannot grant an import permit for primarily commercial purposes");
                    }
                }
                Trade::Import => {
                    r.need(Document::ImportPermit, "Art. III.3", "Import of an Appendix I specimen needs an import permit");
                    r.need(
                        Document::ExportPermit,
                        "Art. III.3",
                        "and the prior presentation of an export permit (or a re-export certificate when the shipment is re-exported)",
                    );
                }
                Trade::ReExport => {
                    r.need(Document::ReExportCertificate, "Art. III.4", "Re-export of an Appendix I specimen needs a re-export certificate");
                    r.need(
                        Document::ImportPermit,
                        "Art. III.4(c)",
                        "For a live specimen, the re-export certificate is granted only once an import permit has been granted",
                    );
                    if commercial {
                        r.allowed = false;
                        r.note("Art. III.3(c)", "The importing State cannot grant an import permit for primarily commercial purposes");
                    }
                }
                Trade::IntroductionFromSea => r.need(
                    Document::IntroductionFromSeaCertificate,
                    "Art. III.5",
                    "Introduction from the sea of an Appendix I specimen needs a certificate from the Management Authority of the State of introduction",
                ),
            }
        }
        (Appendix::II, Trade::Export) => r.need(Document::ExportPermit, "Art. IV.2", "Export of an Appendix II specimen needs an export permit"),
        (Appendix::II, Trade::Import) => {
            r.need(
                Document::ExportPermit,
                "Art. IV.4",
                "Import of an Appendix II specimen needs the prior presentation of an export permit or a re-export certificate; the Convention requires no import permit, though a Party may (Art. XIV)",
            );
        }
        (Appendix::II, Trade::ReExport) => r.need(Document::ReExportCertificate, "Art. IV.5", "Re-export of an Appendix II specimen needs a re-export certificate"),
        (Appendix::II, Trade::IntroductionFromSea) => r.need(
            Document::IntroductionFromSeaCertificate,
            "Art. IV.6",
            "Introduction from the sea of an Appendix II specimen needs a certificate from the Management Authority of the State of introduction",
        ),
        (Appendix::III, Trade::Export) if case.listing_state => r.need(
            Document::ExportPermit,
            "Art. V.2",
            "Export of an Appendix III specimen from the State that listed it needs an export permit",
        ),
        (Appendix::III, Trade::Export) => r.need(
            Document::CertificateOfOrigin,
            "Art. V.3",
            "Export of an Appendix III specimen from a State other than the one that listed it needs a certificate of origin",
        ),
        (Appendix::III, Trade::Import) if case.listing_state => r.need(
            Document::ExportPermit,
            "Art. V.3",
            "Import of an Appendix III specimen from the State that listed it needs the prior presentation of that State's export permit",
        ),
        (Appendix::III, Trade::Import) => r.need(
            Document::CertificateOfOrigin,
            "Art. V.3",
            "Import of an Appendix III specimen from any other State needs the prior presentation of a certificate of origin",
        ),
        (Appendix::III, Trade::ReExport) => r.need(
            Document::ReExportCertificate,
            "Art. V.4",
            "For re-export of an Appendix III specimen, a certificate of the re-exporting State that the specimen was processed there or is being re-exported is accepted",
        ),
        (Appendix::III, Trade::IntroductionFromSea) => r.note(
            "Art. V",
            "Article V has no rule for introduction from the sea: the Convention requires no document for Appendix III specimens so introduced",
        ),
        (Appendix::NC, _) => {}
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use Document::*;

    fn docs(
        appendix: Appendix,
        source: char,
        purpose: char,
        trade: Trade,
    ) -> (bool, Vec<Document>) {
        let r = rule(&Case::new(appendix, source, purpose, trade));
        (r.allowed, r.documents)
    }

    #[test]
    fn every_appendix_and_trade_for_wild_specimens() {
        use Appendix::*;
        use Trade::*;
        let table: &[(Appendix, char, Trade, bool, &[Document])] = &[
            (I, 'S', Export, true, &[ExportPermit, ImportPermit]),
            (I, 'S', Import, true, &[ImportPermit, ExportPermit]),
            (I, 'S', ReExport, true, &[ReExportCertificate, ImportPermit]),
            (
                I,
                'S',
                IntroductionFromSea,
                true,
                &[IntroductionFromSeaCertificate],
            ),
            (I, 'T', Import, false, &[]),
            (I, 'T', Export, false, &[ExportPermit, ImportPermit]),
            (I, 'T', IntroductionFromSea, false, &[]),
            (II, 'T', Export, true, &[ExportPermit]),
            (II, 'T', Import, true, &[ExportPermit]),
            (II, 'T', ReExport, true, &[ReExportCertificate]),
            (
                II,
                'T',
                IntroductionFromSea,
                true,
                &[IntroductionFromSeaCertificate],
            ),
            (III, 'T', Export, true, &[ExportPermit]),
            (III, 'T', Import, true, &[ExportPermit]),
            (III, 'T', ReExport, true, &[ReExportCertificate]),
            (III, 'T', IntroductionFromSea, true, &[]),
            (NC, 'T', Import, true, &[]),
        ];
        for &(appendix, purpose, trade, allowed, expected) in table {
            assert_eq!(
                docs(appendix, 'W', purpose, trade),
                (allowed, expected.to_vec()),
                "Appendix {appendix}, purpose {purpose}, {trade}"
            );
        }
    }

    #[test]
    fn appendix_iii_from_another_state_needs_a_certificate_of_origin() {
        let mut case = Case::new(Appendix::III, 'W', 'T', Trade::Import);
        case.listing_state = false;
        assert_eq!(rule(&case).documents, vec![CertificateOfOrigin]);
        case.trade = Trade::Export;
        assert_eq!(rule(&case).documents, vec![CertificateOfOrigin]);
    }

    #[test]
    fn source_codes_change_the_rules() {
        // D: Appendix I bred for commercial purposes is treated as Appendix II (Art. VII.4).
        assert_eq!(
            docs(Appendix::I, 'D', 'T', Trade::Import),
            (true, vec![ExportPermit])
        );
        // C and A: the captive-breeding certificate replaces the permits (Art. VII.5).
        assert_eq!(
            docs(Appendix::II, 'C', 'T', Trade::Export),
            (true, vec![CaptiveBreedingCertificate])
        );
        assert_eq!(
            docs(Appendix::I, 'C', 'Z', Trade::Import),
            (true, vec![CaptiveBreedingCertificate])
        );
        assert_eq!(
            docs(Appendix::II, 'A', 'T', Trade::Import),
            (true, vec![CaptiveBreedingCertificate])
        );
        // ...but not for commercial trade in Appendix I: that must be source D.
        assert!(!docs(Appendix::I, 'C', 'T', Trade::Export).0);
        // F, R, U and I follow the ordinary rules.
        for source in ['F', 'R', 'U', 'I'] {
            assert_eq!(
                docs(Appendix::II, source, 'T', Trade::Export),
                (true, vec![ExportPermit])
            );
            assert!(!docs(Appendix::I, source, 'T', Trade::Import).0);
        }
    }

    #[test]
    fn exemptions() {
        let mut case = Case::new(Appendix::I, 'W', 'T', Trade::Import);
        case.in_transit = true;
        let r = rule(&case);
        assert!(r.allowed && r.documents.is_empty());
        assert_eq!(r.basis, vec!["Art. VII.1"]);

        let mut case = Case::new(Appendix::I, 'W', 'T', Trade::Export);
        case.pre_convention = true;
        assert_eq!(rule(&case).documents, vec![PreConventionCertificate]);

        let mut case = Case::new(Appendix::II, 'W', 'P', Trade::Import);
        case.personal_effect = true;
        assert!(rule(&case).documents.is_empty());
        case.appendix = Appendix::I;
        assert_eq!(
            rule(&case).documents,
            vec![ImportPermit, ExportPermit],
            "no exemption for Appendix I souvenirs"
        );
    }

    #[test]
    fn rulings_read_as_sentences() {
        let r = rule(&Case::new(Appendix::I, 'W', 'S', Trade::Import));
        assert_eq!(
            r.documents_in_words(),
            "an import permit and an export permit"
        );
        assert!(r.reasons[0].ends_with("(Art. III.3)."));
        assert_eq!(
            rule(&Case::new(Appendix::NC, 'W', 'T', Trade::Import)).documents_in_words(),
            "no CITES document"
        );
    }
}
