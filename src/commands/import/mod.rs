//! `hembesok import`: reading a coordinator's CSV, reporting every problem by line and column,
//! and writing all rows in one transaction or none.

mod families;
mod staff;
mod visits;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use chrono::{NaiveDate, NaiveDateTime};

use super::Invocation;
use crate::cli::{ImportArgs, ImportKind};
use crate::db::{Db, DbError};

/// One thing wrong with an import file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub line: u64,
    pub column: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}: {}", self.line, self.column, self.message)
    }
}

/// The problems found so far; an import goes ahead only when there are none.
#[derive(Debug, Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    pub fn add(&mut self, line: u64, column: &str, message: impl Into<String>) {
        self.0.push(Problem {
            line,
            column: column.to_string(),
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn sorted(mut self) -> Vec<Problem> {
        self.0.sort();
        self.0
    }
}

/// The refusal of a whole import: every problem, in line order.
#[derive(Debug)]
pub struct Refused(pub Vec<Problem>);

impl From<DbError> for Refused {
    fn from(e: DbError) -> Self {
        Refused(vec![Problem {
            line: 0,
            column: "database".into(),
            message: e.to_string(),
        }])
    }
}

/// The columns a kind of file may have, and which of them are required.
#[derive(Debug)]
pub struct Columns {
    pub all: &'static [&'static str],
    pub required: &'static [&'static str],
}

/// A data row: its line number in the file and its cells by column name.
#[derive(Debug)]
pub struct Row {
    pub line: u64,
    cells: HashMap<&'static str, String>,
}

impl Row {
    /// The trimmed cell, or "" when the column is absent.
    pub fn get(&self, column: &str) -> &str {
        self.cells.get(column).map_or("", |s| s.trim())
    }

    pub fn opt(&self, column: &str) -> Option<String> {
        Some(self.get(column))
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    }

    /// Checks a required cell, noting a problem when it is empty.
    pub fn required(&self, column: &str, problems: &mut Problems) -> Option<&str> {
        let value = self.get(column);
        if value.is_empty() {
            problems.add(self.line, column, "is required but empty");
            None
        } else {
            Some(value)
        }
    }

    /// Parses an optional cell with `parse`, noting a problem on failure.
    pub fn parse_opt<T, E: fmt::Display>(
        &self,
        column: &str,
        problems: &mut Problems,
        parse: impl FnOnce(&str) -> std::result::Result<T, E>,
    ) -> Option<T> {
        let value = self.get(column);
        if value.is_empty() {
            return None;
        }
        match parse(value) {
            Ok(v) => Some(v),
            Err(e) => {
                problems.add(self.line, column, e.to_string());
                None
            }
        }
    }
}

pub fn parse_date(text: &str) -> std::result::Result<NaiveDate, String> {
    crate::domain::calendar::parse_day(text).map_err(|e| e.message_en(text))
}

pub fn parse_datetime(text: &str) -> std::result::Result<NaiveDateTime, String> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").map_err(|_| {
        format!("\"{text}\" is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2026-03-15 09:30")
    })
}

/// The delimiter Swedish Excel (`;`) or everything else (`,`) used, judged from the header.
fn detect_delimiter(header_line: &str) -> u8 {
    let mut quoted = false;
    let (mut commas, mut semicolons) = (0, 0);
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Reads and checks the header and rows of a file; any problem here stops the import.
pub fn read_rows(text: &str, columns: &Columns) -> std::result::Result<Vec<Row>, Refused> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or("");
    if header_line.trim().is_empty() {
        return Err(Refused(vec![Problem {
            line: 1,
            column: "header".into(),
            message: format!(
                "the file is empty or starts with an empty line; the first line must name the columns, e.g. {}",
                columns.required.join(",")
            ),
        }]));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(header_line))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut problems = Problems::default();
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            return Err(Refused(vec![Problem {
                line: 1,
                column: "header".into(),
                message: e.to_string(),
            }]));
        }
        None => return Err(Refused(vec![])),
    };
    let mut positions: Vec<Option<&'static str>> = Vec::new();
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        if let Some(col) = columns.all.iter().find(|c| c.eq_ignore_ascii_case(name)) {
            if seen.insert(col, i).is_some() {
                problems.add(1, col, "appears twice in the header");
            }
            positions.push(Some(col));
        } else {
            let shown = if name.is_empty() { "(empty)" } else { name };
            problems.add(
                1,
                shown,
                format!(
                    "unknown column; the columns are: {}",
                    columns.all.join(", ")
                ),
            );
            positions.push(None);
        }
    }
    for required in columns.required {
        if !seen.contains_key(required) {
            problems.add(1, required, "required column is missing from the header");
        }
    }
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                problems.add(line, "row", format!("cannot be read: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != positions.len() {
            problems.add(
                line,
                "row",
                format!(
                    "has {} cells but the header has {}; check for a missing or extra delimiter",
                    record.len(),
                    positions.len()
                ),
            );
            continue;
        }
        let cells = positions
            .iter()
            .zip(record.iter())
            .filter_map(|(col, value)| col.map(|c| (c, value.to_string())))
            .collect();
        rows.push(Row { line, cells });
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(Refused(problems.sorted()))
    }
}

/// Line numbers from byte offsets, counted once as records advance through the text (csv's own
/// line count drifts on some files).
struct LineCounter<'t> {
    text: &'t [u8],
    byte: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            byte: 0,
            line: 1,
        }
    }

    /// The 1-based line on which a record at `byte` starts; offsets must not go backwards.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut target = (byte as usize).min(self.text.len());
        // After a CRLF, csv places the next record at its `\n`; the record starts after it.
        while target < self.text.len() && matches!(self.text[target], b'\r' | b'\n') {
            target += 1;
        }
        if target > self.byte {
            self.line += self.text[self.byte..target]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.byte = target;
        }
        self.line
    }
}

fn read_file(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        anyhow!(
            "{}: line {line}: the file is not UTF-8; save it from Excel as \"CSV UTF-8\"",
            path.display()
        )
    })
}

/// The columns of each kind of import file: all of them, and the required ones.
pub fn columns_for(kind: ImportKind) -> &'static Columns {
    match kind {
        ImportKind::Families => &families::COLUMNS,
        ImportKind::Staff => &staff::COLUMNS,
        ImportKind::Visits => &visits::COLUMNS,
    }
}

pub fn run(db: &mut Db, args: &ImportArgs, inv: &Invocation) -> Result<()> {
    let text = read_file(&args.file)?;
    let outcome = match args.kind {
        ImportKind::Families => families::import(db, &text, inv),
        ImportKind::Staff => staff::import(db, &text, inv),
        ImportKind::Visits => visits::import(db, &text, inv, args.allow_conflicts),
    };
    match outcome {
        Ok(summary) => {
            println!("{summary} from {}", args.file.display());
            Ok(())
        }
        Err(Refused(problems)) => {
            for p in &problems {
                eprintln!("{p}");
            }
            Err(anyhow!(
                "{}: {} problem{}; nothing was imported",
                args.file.display(),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLS: Columns = Columns {
        all: &["name", "role", "note"],
        required: &["name", "role"],
    };

    #[test]
    fn reads_semicolons_with_a_bom_and_skips_blank_rows() {
        let rows = read_rows(
            "\u{feff}name;role\r\nAnna;nurse\r\n;\r\nBo;\"dental; hygienist\"\r\n",
            &COLS,
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].get("name")), (2, "Anna"));
        assert_eq!(
            (rows[1].line, rows[1].get("role")),
            (4, "dental; hygienist")
        );
        assert_eq!(rows[1].get("note"), "");
    }

    #[test]
    fn header_problems_are_all_reported() {
        let Refused(problems) = read_rows("Name,colour,name\nA,b,c\n", &COLS).unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "line 1: colour: unknown column; the columns are: name, role, note",
                "line 1: name: appears twice in the header",
                "line 1: role: required column is missing from the header",
            ]
        );
    }

    #[test]
    fn short_rows_name_their_line() {
        let Refused(problems) = read_rows("name,role\nA,nurse\nB\nC,nurse,x\n", &COLS).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, 3);
        assert!(
            problems[0]
                .message
                .contains("has 1 cells but the header has 2")
        );
        assert_eq!(problems[1].line, 4);
    }

    #[test]
    fn long_crlf_rows_with_empty_cells_get_their_own_line() {
        let text = std::fs::read_to_string("tests/fixtures/import/families_ok.csv").unwrap();
        let rows = read_rows(&text, &families::COLUMNS).unwrap();
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3, 4]);
    }

    proptest::proptest! {
        #[test]
        fn any_file_is_read_or_refused_without_panicking(text in "(?s).{0,300}") {
            match read_rows(&text, &COLS) {
                Ok(rows) => {
                    for r in rows {
                        proptest::prop_assert!(r.line >= 2);
                    }
                }
                Err(Refused(problems)) => {
                    let lines = text.lines().count().max(1) as u64;
                    for p in problems {
                        proptest::prop_assert!(p.line <= lines + 1, "line {} of {}", p.line, lines);
                    }
                }
            }
        }
    }

    #[test]
    fn a_quoted_cell_over_two_lines_keeps_later_line_numbers_right() {
        let rows = read_rows("name,role\n\"A\nB\",nurse\nC,dental\n", &COLS).unwrap();
        assert_eq!(rows[1].line, 4);
    }
}
