//! Small-cell suppression for figures shown above the organisation: any non-zero count computed
//! from fewer than [`THRESHOLD`] records is shown as "< 5", and when a table would then hide a
//! single cell, the next smallest one is hidden too, so that the hidden cell cannot be recovered
//! by subtracting the others from the total.

use serde::Serialize;

pub const THRESHOLD: i64 = 5;

/// A figure as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Value(i64),
    /// Shown as "< 5".
    #[serde(serialize_with = "below")]
    Suppressed,
    /// Not measured (an attendance rate where attendance was not taken): "–", `null`.
    #[serde(serialize_with = "nothing")]
    NotKnown,
}

fn below<S: serde::Serializer>(s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str("<5")
}

fn nothing<S: serde::Serializer>(s: S) -> Result<S::Ok, S::Error> {
    s.serialize_none()
}

impl Cell {
    pub fn value(self) -> Option<i64> {
        match self {
            Cell::Value(v) => Some(v),
            Cell::Suppressed | Cell::NotKnown => None,
        }
    }

    /// "12", or "< 5".
    pub fn text(self) -> String {
        match self {
            Cell::Value(v) => v.to_string(),
            Cell::Suppressed => format!("< {THRESHOLD}"),
            Cell::NotKnown => "–".to_string(),
        }
    }
}

/// A single figure (a total): suppressed when between 1 and 4.
pub fn one(count: i64, apply: bool) -> Cell {
    if apply && count > 0 && count < THRESHOLD { Cell::Suppressed } else { Cell::Value(count) }
}

/// The cells of one table whose counts add up to (or, for multi-valued dimensions, relate to)
/// a shown total.
pub fn table(counts: &[i64], apply: bool) -> Vec<Cell> {
    let mut cells: Vec<Cell> = counts.iter().map(|c| one(*c, apply)).collect();
    if !apply {
        return cells;
    }
    let hidden = cells.iter().filter(|c| **c == Cell::Suppressed).count();
    if hidden == 1 {
        // Complementary suppression: hide the smallest other non-zero cell as well.
        let smallest = counts.iter().enumerate().filter(|(i, c)| **c > 0 && cells[*i] != Cell::Suppressed).min_by_key(|(_, c)| **c).map(|(i, _)| i);
        if let Some(i) = smallest {
            cells[i] = Cell::Suppressed;
        }
    }
    cells
}

/// The cells of a table whose rows fall into partitions that each relate to a total of their own
/// (the age bands of a collective moment's head count, and its genders): each partition is
/// suppressed as a table, so that no hidden cell can be recovered within it. `parts` holds the
/// indices of `counts` in each partition; together they cover every index once.
pub fn partitioned(counts: &[i64], parts: &[Vec<usize>], apply: bool) -> Vec<Cell> {
    let mut cells: Vec<Cell> = counts.iter().map(|c| Cell::Value(*c)).collect();
    for part in parts {
        let own: Vec<i64> = part.iter().map(|i| counts[*i]).collect();
        for (i, cell) in part.iter().zip(table(&own, apply)) {
            cells[*i] = cell;
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_partition_protects_its_own_small_cells() {
        // Age bands 10 and 3, genders 7 and 6: hiding 3 with the men's 6 would leave the age
        // band's 3 recoverable from the head count; its own partition gives it the 10.
        let counts = [10, 3, 7, 6];
        let parts = [vec![0, 1], vec![2, 3]];
        assert_eq!(partitioned(&counts, &parts, true), vec![Cell::Suppressed, Cell::Suppressed, Cell::Value(7), Cell::Value(6)]);
        // The December: 4 and 4 from a single moment, both hidden.
        assert_eq!(
            partitioned(&[0, 4, 4, 0, 5, 3], &[vec![0, 1, 2, 3], vec![4, 5]], true),
            vec![Cell::Value(0), Cell::Suppressed, Cell::Suppressed, Cell::Value(0), Cell::Suppressed, Cell::Suppressed]
        );
        assert_eq!(partitioned(&counts, &parts, false), counts.map(Cell::Value).to_vec());
    }

    #[test]
    fn a_lone_small_cell_takes_a_companion() {
        let cells = table(&[40, 3, 12, 0, 7], true);
        assert_eq!(cells, vec![Cell::Value(40), Cell::Suppressed, Cell::Value(12), Cell::Value(0), Cell::Suppressed]);
        // Two small cells already protect each other.
        assert_eq!(table(&[40, 3, 2], true), vec![Cell::Value(40), Cell::Suppressed, Cell::Suppressed]);
        // Within the organisation nothing is hidden.
        assert_eq!(table(&[40, 3], false), vec![Cell::Value(40), Cell::Value(3)]);
        assert_eq!(one(4, true).text(), "< 5");
        assert_eq!(one(0, true), Cell::Value(0));
    }

    #[test]
    fn no_hidden_cell_is_recoverable_from_the_total() {
        // Exhaustive over small tables: whenever cells are hidden, at least two are (or the
        // total itself is below the threshold, hence hidden too).
        for a in 0..8 {
            for b in 0..8 {
                for c in 0..8 {
                    let cells = table(&[a, b, c], true);
                    let hidden = cells.iter().filter(|x| **x == Cell::Suppressed).count();
                    assert!(hidden != 1 || a + b + c < THRESHOLD, "{a} {b} {c}: {cells:?}");
                    for (cell, count) in cells.iter().zip([a, b, c]) {
                        if count > 0 && count < THRESHOLD {
                            assert_eq!(*cell, Cell::Suppressed);
                        }
                    }
                }
            }
        }
    }
}
