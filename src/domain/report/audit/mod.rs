//! The audit against a reader who counts (DESIGN §7): the reader's knowledge as rows over whole
//! numbers (`problem`), the earlier files of the same period as more rows (`joint`), and the
//! witnesses that show each hidden figure could be something a reader cannot use (`solve`).

mod joint;
mod parts;
mod problem;
mod solve;

pub use joint::{EarlierFile, StoredCell, joint_rows};
pub use parts::intervals;
pub use problem::{Atom, Op, Problem, Row, build, is_event_share};
pub use solve::{Auditor, Need, need};
