//! Reading official CITES Checklist / Species+ exports into catalog records.
//!
//! Three formats are understood, told apart by their header line:
//! - the "Index of CITES Species" CSV (complete Checklist; `TaxonId,Kingdom,...`),
//! - the Species+ "CITES listings" CSV (`Id,Kingdom,...,Listing,Party,Listed under,...`),
//! - the Species+ API listings flattened to CSV (`taxon_id,full_name,...`).
//!
//! Reading is the I/O edge; turning a row into a [`Taxon`] is pure (see the format modules).

mod annotations;
mod api_csv;
mod index_csv;
mod listings_csv;
pub mod merge;
mod populations;
pub mod write;

pub use annotations::Annotations;

use crate::catalog::model::Taxon;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The export formats `checklist import` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// "Index of CITES Species": the complete Checklist at one date.
    Index,
    /// Species+ "CITES listings" export: listings of a selection of taxa.
    Listings,
    /// Species+ API taxon concepts with their listings, flattened to one row per listing.
    ApiListings,
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::Index => "Index of CITES Species (complete Checklist)",
            Format::Listings => "Species+ CITES listings export",
            Format::ApiListings => "Species+ API listings (flattened CSV)",
        }
    }

    /// Whether an export of this format is the complete Checklist (it replaces the
    /// catalog) or a part of it (it is laid over the catalog).
    pub fn is_complete(self) -> bool {
        self == Format::Index
    }

    pub fn id_prefix(self) -> &'static str {
        match self {
            Format::Index => "index",
            Format::Listings => "listings",
            Format::ApiListings => "api",
        }
    }

    fn detect(header: &[&str]) -> Option<Format> {
        let has = |name: &str| header.contains(&name);
        if has("TaxonId") && has("CurrentListing") && has("FullName") {
            Some(Format::Index)
        } else if has("Id") && has("Listing") && has("Scientific Name") && has("Listed under") {
            Some(Format::Listings)
        } else if has("taxon_id") && has("full_name") && has("appendix") {
            Some(Format::ApiListings)
        } else {
            None
        }
    }
}

/// What went wrong reading an export. Every variant names the file; row problems name
/// the line and the column (field) too.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read it: {source}")]
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{file}: not a CITES export this program knows (its first line has the columns: {header}). \
         Download the \"Index of CITES Species\" or the Species+ \"CITES listings\" CSV."
    )]
    UnknownFormat { file: PathBuf, header: String },
    #[error("{file}, line {line}: {message}")]
    Csv {
        file: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{file}, line {line}, column `{field}`: {message}")]
    Field {
        file: PathBuf,
        line: u64,
        field: String,
        message: String,
    },
    #[error("{file}: the file holds no taxa (is it truncated?)")]
    Empty { file: PathBuf },
}

/// A problem in one field of one row, before the file name is known.
#[derive(Debug)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// One row of an export, with its columns by name.
pub struct Row<'a> {
    record: &'a csv::StringRecord,
    columns: &'a HashMap<String, usize>,
    pub line: u64,
}

impl Row<'_> {
    /// The trimmed value of a column; empty when the export has no such column.
    pub fn get(&self, name: &str) -> &str {
        self.columns
            .get(name)
            .and_then(|&i| self.record.get(i))
            .map(str::trim)
            .unwrap_or("")
    }
}

/// The taxa of one export, with what the catalog needs to know about it.
pub struct Export {
    pub format: Format,
    pub taxa: Vec<Taxon>,
}

/// Reads an export file (plain or gzip-compressed CSV). `tick` is called with the number
/// of rows read so far, for a progress display.
pub fn read_export(
    path: &Path,
    export_id: &str,
    annotations: &mut Annotations,
    tick: &mut dyn FnMut(u64),
) -> Result<Export, ImportError> {
    let io = |source| ImportError::Io {
        file: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut magic = [0u8; 2];
    let n = file.read(&mut magic).map_err(io)?;
    let file = std::fs::File::open(path).map_err(io)?;
    let reader: Box<dyn Read> = if n == 2 && magic == [0x1f, 0x8b] {
        Box::new(flate2::read::GzDecoder::new(std::io::BufReader::new(file)))
    } else {
        Box::new(std::io::BufReader::new(file))
    };
    read_export_from(reader, path, export_id, annotations, tick)
}

/// Reads an export from any reader; `path` is only used in messages.
pub fn read_export_from(
    reader: impl Read,
    path: &Path,
    export_id: &str,
    annotations: &mut Annotations,
    tick: &mut dyn FnMut(u64),
) -> Result<Export, ImportError> {
    let newlines = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let reader = LineCounter {
        inner: reader,
        offset: 0,
        newlines: newlines.clone(),
    };
    // The physical line of a byte offset (the csv crate's own count is off for CRLF files).
    let line_at = |byte: u64| newlines.borrow().partition_point(|&n| n <= byte) as u64 + 1;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(reader);
    let csv_error = |e: csv::Error| match e.kind() {
        csv::ErrorKind::Io(_) => ImportError::Csv {
            file: path.to_path_buf(),
            line: e.position().map_or(0, |p| line_at(p.byte())),
            message: format!("cannot read the file ({e}); is it a complete, uncorrupted download?"),
        },
        csv::ErrorKind::Utf8 { pos, err } => ImportError::Csv {
            file: path.to_path_buf(),
            line: pos.as_ref().map_or(0, |p| line_at(p.byte())),
            message: format!(
                "field {} is not valid UTF-8; save the export as UTF-8 (the Checklist's own downloads are)",
                err.field() + 1
            ),
        },
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => ImportError::Csv {
            file: path.to_path_buf(),
            line: pos.as_ref().map_or(0, |p| line_at(p.byte())),
            message: format!(
                "this row has {len} fields where the header has {expected_len}; the file is truncated or damaged"
            ),
        },
        _ => ImportError::Csv {
            file: path.to_path_buf(),
            line: e.position().map_or(0, |p| line_at(p.byte())),
            message: e.to_string(),
        },
    };
    let header = csv.headers().map_err(csv_error)?.clone();
    let names: Vec<&str> = header
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}'))
        .collect();
    let format = Format::detect(&names).ok_or_else(|| ImportError::UnknownFormat {
        file: path.to_path_buf(),
        header: names.iter().take(8).copied().collect::<Vec<_>>().join(","),
    })?;
    let columns: HashMap<String, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.to_string(), i))
        .collect();

    let mut builder = match format {
        Format::Index => Builder::Index(index_csv::Builder::default()),
        Format::Listings => Builder::Listings(Vec::new()),
        Format::ApiListings => Builder::Api(api_csv::Builder::default()),
    };
    let mut bytes = csv::ByteRecord::new();
    let mut rows = 0u64;
    while csv.read_byte_record(&mut bytes).map_err(csv_error)? {
        let line = bytes.position().map_or(0, |p| line_at(p.byte()));
        let record = csv::StringRecord::from_byte_record(bytes.clone()).map_err(|e| {
            let field = e.utf8_error().field();
            ImportError::Field {
                file: path.to_path_buf(),
                line,
                field: names
                    .get(field)
                    .map_or_else(|| format!("{}", field + 1), |n| n.to_string()),
                message:
                    "not valid UTF-8; save the export as UTF-8 (the Checklist's own downloads are)"
                        .into(),
            }
        })?;
        let row = Row {
            record: &record,
            columns: &columns,
            line,
        };
        let field_error = |e: FieldError| ImportError::Field {
            file: path.to_path_buf(),
            line,
            field: e.field,
            message: e.message,
        };
        match &mut builder {
            Builder::Index(b) => b.add(&row, export_id, annotations).map_err(field_error)?,
            Builder::Listings(taxa) => {
                taxa.push(listings_csv::taxon(&row, export_id, annotations).map_err(field_error)?)
            }
            Builder::Api(b) => b.add(&row, export_id).map_err(field_error)?,
        }
        rows += 1;
        if rows.is_multiple_of(1000) {
            tick(rows);
        }
    }
    tick(rows);
    let taxa = match builder {
        Builder::Index(b) => b.finish(),
        Builder::Listings(taxa) => taxa,
        Builder::Api(b) => b.finish(),
    };
    if taxa.is_empty() {
        return Err(ImportError::Empty {
            file: path.to_path_buf(),
        });
    }
    Ok(Export { format, taxa })
}

/// Counts the newlines of what passes through it, to report physical line numbers.
struct LineCounter<R> {
    inner: R,
    offset: u64,
    newlines: std::rc::Rc<std::cell::RefCell<Vec<u64>>>,
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut lines = self.newlines.borrow_mut();
        for (i, b) in buf[..n].iter().enumerate() {
            if *b == b'\n' {
                lines.push(self.offset + i as u64);
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

enum Builder {
    Index(index_csv::Builder),
    Listings(Vec<Taxon>),
    Api(api_csv::Builder),
}

/// Parses the export's rank column.
fn rank(row: &Row, column: &str) -> Result<crate::catalog::model::Rank, FieldError> {
    let text = row.get(column);
    crate::catalog::model::Rank::parse(text).ok_or_else(|| {
        FieldError::new(
            column,
            format!("`{text}` is not a rank (expected ORDER, FAMILY, GENUS, SPECIES, SUBSPECIES or VARIETY)"),
        )
    })
}

/// Parses the export's taxon id column.
fn taxon_id(row: &Row, column: &str) -> Result<u64, FieldError> {
    let text = row.get(column);
    text.parse().map_err(|_| {
        FieldError::new(
            column,
            format!("`{text}` is not a taxon id (a whole number)"),
        )
    })
}

/// Parses the Checklist's overall listing notation.
fn notation(row: &Row, column: &str) -> Result<String, FieldError> {
    let text = row.get(column);
    if crate::catalog::model::is_valid_notation(text) {
        Ok(text.to_string())
    } else {
        Err(FieldError::new(
            column,
            format!(
                "`{text}` is not a CITES listing (expected I, II, III, NC or a split such as I/II)"
            ),
        ))
    }
}
