//! Which part of a long list to read (Families, Staff): the screen keeps the mark on its last
//! row while moving down, so the rows above the mark are what it draws. A read covers
//! [`ABOVE`] rows above the mark and the rest of the page below it, and the next read comes
//! before a screen of up to [`ABOVE`] + 1 rows would lack a row.

/// Rows read above the mark.
const ABOVE: usize = 80;
/// Rows kept above the mark before reading again (a screen's height, at most).
const KEEP_ABOVE: usize = 60;
/// Rows kept below the mark before reading again.
const KEEP_BELOW: usize = 10;

/// Where a read around the mark starts.
pub fn start(selected: usize) -> usize {
    selected.saturating_sub(ABOVE)
}

/// Whether the part read (`offset`, `read` rows of a list of `count`) lacks rows a screen
/// around the mark at `selected` needs.
pub fn short(selected: usize, offset: usize, read: usize, count: usize) -> bool {
    let end = offset + read;
    let before = offset > 0 && selected < offset + KEEP_ABOVE;
    let after = end < count && selected + KEEP_BELOW >= end;
    before || after || selected < offset || selected >= end.max(offset + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list of 1,000 rows, read 120 at a time: walking it down and back up a row at a time,
    /// a screen of 61 rows always finds every row it draws read.
    #[test]
    fn every_row_a_tall_screen_draws_is_read_walking_both_ways() {
        let (count, page, height) = (1000, 120, 61);
        let (mut offset, mut read) = (0, page);
        let mut reads = 0;
        let walk: Vec<usize> = (0..count).chain((0..count).rev()).collect();
        for selected in walk {
            if short(selected, offset, read, count) {
                offset = start(selected);
                read = page.min(count - offset);
                reads += 1;
            }
            let top = selected.saturating_sub(height - 1);
            assert!(
                top >= offset && selected < offset + read,
                "{selected}: {offset}+{read}"
            );
        }
        assert!(reads < 2 * count / 15, "{reads} reads");
    }
}
