//! Importing a coordinator's CSV: every problem reported by line and column, and all rows
//! written in one transaction or none. Shared by `hembesok import` and anything else that
//! imports.

pub mod attendance;
pub mod codes;
pub mod families;
pub mod groups;
pub mod problem;
pub mod staff;
pub mod visits;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

pub use super::Ctx;
use crate::db::DbError;
pub use codes::{parse_code, parse_codes};
pub use problem::{Column, Hint, Problem, ProblemKind, SeriesSkips, Summary};

/// The longest cell an import takes: more than any name, address or note needs.
pub const MAX_CELL_CHARS: usize = 1000;

/// The columns whose cells may hold several lines (and tabs): notes. Every other cell is one
/// line, and a line break or tab in it is refused like any other control character.
const MULTI_LINE: &[&str] = &["note"];

/// The problems found so far; an import goes ahead only when there are none.
#[derive(Debug, Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// Notes a problem in a column of the file.
    pub fn add(&mut self, line: u64, column: &str, kind: ProblemKind) {
        self.add_at(line, Column::Named(column.to_string()), kind);
    }

    pub fn add_at(&mut self, line: u64, column: Column, kind: ProblemKind) {
        self.0.push(Problem { line, column, kind });
    }

    /// Adds all of `other`'s problems to these.
    pub fn extend(&mut self, other: Problems) {
        self.0.extend(other.0);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Nothing, when nothing is wrong; else the refusal. A refusal is only made here, so it
    /// always names at least one problem.
    pub fn check(self) -> std::result::Result<(), Refused> {
        self.check_with(None)
    }

    /// Like [`Problems::check`], with advice printed after the problems.
    pub fn check_with(self, hint: Option<Hint>) -> std::result::Result<(), Refused> {
        if self.0.is_empty() {
            return Ok(());
        }
        let mut problems = self.0;
        // Line order, then column and text in one fixed language, so both languages list the
        // problems in the same order.
        problems.sort_by_cached_key(|p| {
            (
                p.line,
                p.column.render(crate::i18n::Lang::En),
                p.kind.render(crate::i18n::Lang::En),
            )
        });
        Err(Refused { problems, hint })
    }
}

/// The refusal of a whole import: every problem, in line order, and perhaps a hint. It can only
/// be made by [`Problems::check`], so it is never empty.
#[derive(Debug)]
pub struct Refused {
    problems: Vec<Problem>,
    hint: Option<Hint>,
}

impl Refused {
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn hint(&self) -> Option<Hint> {
        self.hint
    }
}

/// Why an import wrote nothing: the file's problems, or the database failing under it.
#[derive(Debug)]
pub enum ImportError {
    Refused(Refused),
    Db(DbError),
}

impl From<Refused> for ImportError {
    fn from(r: Refused) -> Self {
        ImportError::Refused(r)
    }
}

impl From<DbError> for ImportError {
    fn from(e: DbError) -> Self {
        ImportError::Db(e)
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
    /// Cells refused as they stand (too long, control characters): reported with the rest
    /// of the row's problems, so every problem comes in one run.
    flagged: Vec<(&'static str, ProblemKind)>,
}

impl Problems {
    /// The problems the rows' cells have as they stand, to start an import's list with.
    pub fn of_cells(rows: &[Row]) -> Problems {
        let mut problems = Problems::default();
        for row in rows {
            for (col, kind) in &row.flagged {
                problems.add(row.line, col, kind.clone());
            }
        }
        problems
    }
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
            problems.add(self.line, column, ProblemKind::Required);
            None
        } else {
            Some(value)
        }
    }

    /// Parses an optional cell with `parse`, noting the problem it names on failure.
    pub fn parse_opt<T>(
        &self,
        column: &str,
        problems: &mut Problems,
        parse: impl FnOnce(&str) -> std::result::Result<T, ProblemKind>,
    ) -> Option<T> {
        let value = self.get(column);
        if value.is_empty() {
            return None;
        }
        match parse(value) {
            Ok(v) => Some(v),
            Err(kind) => {
                problems.add(self.line, column, kind);
                None
            }
        }
    }
}

pub fn parse_date(text: &str) -> std::result::Result<NaiveDate, ProblemKind> {
    crate::domain::calendar::parse_day(text).map_err(|error| ProblemKind::Date {
        text: text.to_string(),
        error,
    })
}

/// A start time: the date by the same rule as [`parse_date`], then `HH:MM`.
pub fn parse_datetime(text: &str) -> std::result::Result<NaiveDateTime, ProblemKind> {
    use crate::domain::calendar::{DateTimeError, parse_day_time};
    parse_day_time(text).map_err(|e| match e {
        DateTimeError::Shape => ProblemKind::DateTime {
            text: text.to_string(),
        },
        DateTimeError::Date(error) => ProblemKind::Date {
            text: text.to_string(),
            error,
        },
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
    // A file saved twice with a byte-order mark can start with two; the CSV reader would take
    // the second as the whole file and find no header at all.
    let text = text.trim_start_matches('\u{feff}');
    let header_line = text.lines().next().unwrap_or("");
    let mut problems = Problems::default();
    let empty_file = || {
        let mut problems = Problems::default();
        problems.add_at(
            1,
            Column::Header,
            ProblemKind::EmptyFile {
                required: columns.required,
            },
        );
        problems.check()
    };
    if header_line.trim().is_empty() {
        empty_file()?;
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(header_line))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            problems.add_at(
                1,
                Column::Header,
                ProblemKind::Unreadable {
                    reason: e.to_string(),
                },
            );
            return problems.check().map(|()| Vec::new());
        }
        None => return empty_file().map(|()| Vec::new()),
    };
    let mut positions: Vec<Option<&'static str>> = Vec::new();
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        if let Some(col) = columns.all.iter().find(|c| c.eq_ignore_ascii_case(name)) {
            if seen.insert(col, i).is_some() {
                problems.add(1, col, ProblemKind::DuplicateColumn);
            }
            positions.push(Some(col));
        } else {
            problems.add(
                1,
                name,
                ProblemKind::UnknownColumn {
                    allowed: columns.all,
                },
            );
            positions.push(None);
        }
    }
    for required in columns.required {
        if !seen.contains_key(required) {
            problems.add(1, required, ProblemKind::MissingColumn);
        }
    }
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                problems.add_at(
                    line,
                    Column::Row,
                    ProblemKind::Unreadable {
                        reason: e.to_string(),
                    },
                );
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != positions.len() {
            problems.add_at(
                line,
                Column::Row,
                ProblemKind::CellCount {
                    found: record.len(),
                    expected: positions.len(),
                },
            );
            continue;
        }
        let mut flagged = Vec::new();
        for (col, value) in positions.iter().zip(record.iter()) {
            let Some(col) = *col else { continue };
            if value.chars().count() > MAX_CELL_CHARS {
                flagged.push((
                    col,
                    ProblemKind::CellTooLong {
                        max: MAX_CELL_CHARS,
                    },
                ));
            } else if let Some((position, character)) = if MULTI_LINE.contains(&col) {
                crate::domain::text::first_control_in_text(value.trim())
            } else {
                crate::domain::text::first_control(value.trim())
            } {
                flagged.push((
                    col,
                    ProblemKind::ControlCharacter {
                        position,
                        character,
                    },
                ));
            }
        }
        let cells = positions
            .iter()
            .zip(record.iter())
            .filter_map(|(col, value)| col.map(|c| (c, value.to_string())))
            .collect();
        rows.push(Row {
            line,
            cells,
            flagged,
        });
    }
    problems.check()?;
    Ok(rows)
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

/// What an import file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Families,
    Staff,
    Visits,
    Groups,
    Attendance,
}

impl ImportKind {
    pub const ALL: [ImportKind; 5] = [
        ImportKind::Families,
        ImportKind::Staff,
        ImportKind::Visits,
        ImportKind::Groups,
        ImportKind::Attendance,
    ];
}

/// The columns of each kind of import file: all of them, and the required ones.
pub fn columns_for(kind: ImportKind) -> &'static Columns {
    match kind {
        ImportKind::Families => &families::COLUMNS,
        ImportKind::Staff => &staff::COLUMNS,
        ImportKind::Visits => &visits::COLUMNS,
        ImportKind::Groups => &groups::COLUMNS,
        ImportKind::Attendance => &attendance::COLUMNS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

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
        let refused = read_rows("Name,colour,name\nA,b,c\n", &COLS).unwrap_err();
        let text: Vec<String> = refused
            .problems()
            .iter()
            .map(|p| p.render(Lang::En))
            .collect();
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
        let refused = read_rows("name,role\nA,nurse\nB\nC,nurse,x\n", &COLS).unwrap_err();
        let problems = refused.problems();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, 3);
        assert_eq!(
            problems[0].kind,
            ProblemKind::CellCount {
                found: 1,
                expected: 2
            }
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
                Err(refused) => {
                    let lines = text.lines().count().max(1) as u64;
                    proptest::prop_assert!(!refused.problems().is_empty(), "refused without a problem");
                    for p in refused.problems() {
                        proptest::prop_assert!(p.line <= lines + 1, "line {} of {}", p.line, lines);
                    }
                }
            }
        }
    }

    #[test]
    fn a_file_of_byte_order_marks_is_empty_and_says_so() {
        for text in ["\u{feff}\u{feff}", "\u{feff}\u{feff}\r\n", "\u{feff}"] {
            let refused = read_rows(text, &COLS).unwrap_err();
            let kinds: Vec<&ProblemKind> = refused.problems().iter().map(|p| &p.kind).collect();
            assert_eq!(
                kinds,
                [&ProblemKind::EmptyFile {
                    required: COLS.required
                }],
                "{text:?}"
            );
        }
        let rows = read_rows("\u{feff}\u{feff}name,role\nA,nurse\n", &COLS).unwrap();
        assert_eq!(rows[0].get("name"), "A");
    }

    #[test]
    fn a_quoted_cell_over_two_lines_keeps_later_line_numbers_right() {
        let rows = read_rows("name,role\n\"A\nB\",nurse\nC,dental\n", &COLS).unwrap();
        assert_eq!(rows[1].line, 4);
    }
}
