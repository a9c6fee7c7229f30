//! Writing export files safely: a temporary file in the same folder, synced, made private (0600),
//! then renamed over the target, so a reader never sees half a file.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::i18n::cli::CommandError;

pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CommandError> {
    let name = path
        .file_name()
        .ok_or_else(|| CommandError::NoFileName {
            path: path.to_path_buf(),
        })?
        .to_string_lossy()
        .to_string();
    let temp = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(|cause| CommandError::CannotWrite {
        path: path.to_path_buf(),
        cause,
    })
}
