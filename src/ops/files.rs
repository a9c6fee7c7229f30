//! Writing export files safely: a temporary file in the target folder, created new and private
//! (0600) from its first byte without following a link planted at its name, synced, and only
//! then put in place. An export is recorded in the database in the same transaction that puts
//! its file in place, and the file it replaces is kept until that transaction has committed: so
//! the target always holds the old file or the whole new one, never neither, and never a file
//! whose export was not recorded.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A file that could not be written, and why.
#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub cause: std::io::Error,
}

fn error(path: &Path) -> impl FnOnce(std::io::Error) -> FileError + '_ {
    move |cause| FileError {
        path: path.to_path_buf(),
        cause,
    }
}

/// `.NAME.PID.SUFFIX` beside `path`: hidden, and this process's own.
fn side_name(path: &Path, suffix: &str) -> Result<PathBuf, FileError> {
    let name = path.file_name().ok_or_else(|| FileError {
        path: path.to_path_buf(),
        cause: std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path names a folder, not a file",
        ),
    })?;
    Ok(path.with_file_name(format!(
        ".{}.{}.{suffix}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Makes sure a rename itself is on disk, not only the file's bytes.
fn sync_folder(path: &Path) -> std::io::Result<()> {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => fs::File::open(folder)?.sync_all(),
        None => fs::File::open(".")?.sync_all(),
    }
}

/// A new file written beside its target and not yet in place. Dropped before
/// [`Staged::keep`], it takes everything back: the target holds what it held before.
#[derive(Debug)]
pub struct Staged {
    target: PathBuf,
    temp: PathBuf,
    /// A second name of the file that was at the target, while the new one is in place but its
    /// export not yet recorded.
    old: Option<PathBuf>,
    placed: bool,
    done: bool,
}

impl Staged {
    /// Writes `bytes` into a new private file beside `target` and syncs it.
    pub fn write(target: &Path, bytes: &[u8]) -> Result<Staged, FileError> {
        let temp = side_name(target, "partial")?;
        let staged = Staged {
            target: target.to_path_buf(),
            temp: temp.clone(),
            old: None,
            placed: false,
            done: false,
        };
        let mut file = crate::paths::create_new_private(&temp).map_err(error(&temp))?;
        file.write_all(bytes).map_err(error(&temp))?;
        file.sync_all().map_err(error(&temp))?;
        Ok(staged)
    }

    /// A file already written (by SQLite, say) at a temporary name of the caller's.
    pub fn adopt(target: &Path, temp: &Path) -> Staged {
        Staged {
            target: target.to_path_buf(),
            temp: temp.to_path_buf(),
            old: None,
            placed: false,
            done: false,
        }
    }

    /// Puts the new file at the target; the file that was there keeps a second name until
    /// [`Staged::keep`] (or is put back when this is dropped).
    pub fn put_in_place(&mut self) -> Result<(), FileError> {
        self.place()?;
        sync_folder(&self.target).map_err(error(&self.target))
    }

    /// As [`Staged::put_in_place`], but the folder is synced by the caller, once for many files.
    pub fn place(&mut self) -> Result<(), FileError> {
        if fs::symlink_metadata(&self.target).is_ok_and(|m| m.is_file()) {
            let old = side_name(&self.target, "old")?;
            let _ = fs::remove_file(&old);
            fs::hard_link(&self.target, &old).map_err(error(&self.target))?;
            self.old = Some(old);
        }
        fs::rename(&self.temp, &self.target).map_err(error(&self.target))?;
        self.placed = true;
        Ok(())
    }

    /// The export was recorded: the new file stays, and the old one's second name goes.
    pub fn keep(mut self) {
        self.done = true;
        if let Some(old) = self.old.take() {
            let _ = fs::remove_file(old);
        }
    }

    fn undo(&mut self) {
        if self.placed {
            match self.old.take() {
                Some(old) => {
                    let _ = fs::rename(&old, &self.target);
                }
                None => {
                    let _ = fs::remove_file(&self.target);
                }
            }
            let _ = sync_folder(&self.target);
        } else {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            self.undo();
        }
    }
}

/// Writes one file whole (no record goes with it): staged, put in place, kept.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let mut staged = Staged::write(path, bytes)?;
    staged.put_in_place()?;
    staged.keep();
    Ok(())
}

/// Removes what a killed export or backup left beside `target`: its temporary files and
/// second names (`.NAME.PID.partial`, `.NAME.PID.old`) of processes that are gone. A file of a
/// process still running is left alone.
pub fn remove_leftovers(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        let Some((pid, kind)) = rest.split_once('.') else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        let gone = !Path::new(&format!("/proc/{pid}")).exists() || pid == std::process::id();
        if gone && matches!(kind, "partial" | "old" | "partial-journal" | "partial-wal") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staged_file_dropped_after_it_was_placed_puts_the_old_one_back() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("r.csv");
        fs::write(&target, "old").unwrap();
        let mut staged = Staged::write(&target, b"new").unwrap();
        staged.put_in_place().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        drop(staged);
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "nothing left beside"
        );
    }

    #[test]
    fn a_kept_file_replaces_the_old_and_leaves_nothing_beside() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("r.csv");
        fs::write(&target, "old").unwrap();
        let mut staged = Staged::write(&target, b"new").unwrap();
        staged.put_in_place().unwrap();
        staged.keep();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn a_new_file_dropped_before_it_is_kept_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("r.csv");
        let mut staged = Staged::write(&target, b"new").unwrap();
        staged.put_in_place().unwrap();
        drop(staged);
        assert!(!target.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn leftovers_of_a_process_that_is_gone_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("b.sqlite");
        // No process has the largest id there is.
        let gone = dir.path().join(format!(".b.sqlite.{}.partial", u32::MAX));
        let mine_running = dir.path().join(".b.sqlite.1.partial");
        fs::write(&gone, "copy").unwrap();
        fs::write(&mine_running, "init's").unwrap();
        remove_leftovers(&target);
        assert!(!gone.exists());
        assert!(mine_running.exists(), "process 1 is running");
    }
}
