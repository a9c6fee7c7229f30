//! Keeping the file healthy as a whole: its checks and the repair of its indexes, verified
//! backups and restores, encryption, what it holds, and leaving nothing deleted in its bytes.

mod backup;
mod check;
mod cipher;
mod read;
mod vacuum;

pub use backup::BackupCopy;
pub use check::{CheckDetail, CheckItem, CheckName, Repair, check_file};
pub(crate) use check::{integrity_check_ok, quick_check_of_ok, quick_check_ok};
pub use cipher::convert;
pub use read::Counts;
