//! Writing export files safely: a temporary file in the target folder, created new and private
//! (0600) from its first byte without following a link planted at its name, synced, renamed
//! over the target, and the folder synced, so a reader never sees half a file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A file that could not be written, and why.
#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub cause: std::io::Error,
}

fn temp_name(path: &Path) -> Result<PathBuf, FileError> {
    let name = path.file_name().ok_or_else(|| FileError {
        path: path.to_path_buf(),
        cause: std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path names a folder, not a file",
        ),
    })?;
    Ok(path.with_file_name(format!(
        ".{}.{}.partial",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Makes sure the rename itself is on disk, not only the file's bytes.
fn sync_folder(path: &Path) -> std::io::Result<()> {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => fs::File::open(folder)?.sync_all(),
        None => fs::File::open(".")?.sync_all(),
    }
}

pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let temp = temp_name(path)?;
    let result = (|| -> std::io::Result<()> {
        let mut file = crate::paths::create_new_private(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        sync_folder(path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(|cause| FileError {
        path: path.to_path_buf(),
        cause,
    })
}
