//! Writing a folder of calendars at once: as `files::write_private` writes one (a private
//! temporary file, synced, renamed over the target), but with the folder synced once for all,
//! and a file that already holds the same bytes left as it is.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ops::files::{FileError, Staged};
use crate::paths::create_new_private;

fn file_error(path: &Path) -> impl FnOnce(std::io::Error) -> FileError + '_ {
    move |cause| FileError {
        path: path.to_path_buf(),
        cause,
    }
}

/// Makes `dir` (mode 0700) if it is missing; refuses a path that is not a folder.
pub(super) fn ensure_folder(dir: &Path) -> Result<(), FileError> {
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(FileError {
            path: dir.to_path_buf(),
            cause: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "is a file, not a folder; give a folder for the calendars",
            ),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut builder = fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            builder.create(dir).map_err(file_error(dir))
        }
        Err(e) => Err(file_error(dir)(e)),
    }
}

/// Whether `path` is a private regular file (not a link) holding exactly `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    let private = {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o777 == 0o600
    };
    #[cfg(not(unix))]
    let private = true;
    meta.is_file()
        && private
        && meta.len() == bytes.len() as u64
        && fs::read(path).is_ok_and(|b| b == bytes)
}

fn temp_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.partial", std::process::id()))
}

/// How many files are synced at once: the disk commits concurrent syncs together, which makes
/// a folder of thousands of calendars several times faster to write than one sync at a time.
const SYNC_THREADS: usize = 8;

/// Files open at once while writing a folder, well under the usual limit of 1024.
const OPEN_AT_ONCE: usize = 256;

/// Syncs every file, a few at a time in parallel; the first failure is returned.
fn sync_files(files: &[(PathBuf, fs::File)]) -> Result<(), FileError> {
    let chunk = files.len().div_ceil(SYNC_THREADS).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    for (temp, file) in part {
                        file.sync_all().map_err(file_error(temp))?;
                    }
                    Ok(())
                })
            })
            .collect();
        let mut result = Ok(());
        for worker in workers {
            let outcome = worker.join().unwrap_or_else(|_| {
                Err(FileError {
                    path: PathBuf::new(),
                    cause: std::io::Error::other("a file sync stopped unexpectedly"),
                })
            });
            if result.is_ok() {
                result = outcome;
            }
        }
        result
    })
}

/// Writes each `(path, bytes)` in `dir` whose file does not already hold those bytes, and puts
/// it in place, pushing each onto `staged`: the caller keeps them once its transaction has
/// committed, and dropping them puts the files that were there back. Returns, per file, whether
/// it was written.
pub(super) fn write_all(
    dir: &Path,
    files: &[(PathBuf, Vec<u8>)],
    staged: &mut Vec<Staged>,
) -> Result<Vec<bool>, FileError> {
    let changed: Vec<bool> = files.iter().map(|(p, b)| !holds(p, b)).collect();
    let todo: Vec<&(PathBuf, Vec<u8>)> = files
        .iter()
        .zip(&changed)
        .filter(|(_, c)| **c)
        .map(|(f, _)| f)
        .collect();
    // A batch at a time, so that a folder of thousands never holds thousands of files open.
    for batch in todo.chunks(OPEN_AT_ONCE) {
        let mut open = Vec::with_capacity(batch.len());
        for (path, bytes) in batch {
            let temp = temp_name(path);
            let _ = fs::remove_file(&temp);
            let mut file = create_new_private(&temp).map_err(file_error(&temp))?;
            // From here on the temporary file is the staged one's to remove or place.
            staged.push(Staged::adopt(path, &temp));
            file.write_all(bytes).map_err(file_error(&temp))?;
            open.push((temp, file));
        }
        sync_files(&open)?;
    }
    for file in staged.iter_mut() {
        file.place()?;
    }
    fs::File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(file_error(dir))?;
    Ok(changed)
}
