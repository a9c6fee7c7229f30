//! Who else may reach a database: nobody but its owner, or, in a team's folder, the team's
//! group and nobody else. A team's folder is one with the set-group-id bit (mode 2770, made by
//! `hembesok init --group`): every file made in it belongs to the folder's group, and hembesok
//! makes its files there readable and writable by the group (0660) instead of 0600.

use std::fs;
use std::path::Path;

use super::{DbError, Refusal, Result};

/// What a database's folder says about the files hembesok makes in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// One person's: files 0600, folders 0700.
    Private,
    /// A team's folder (set-group-id): files 0660, the folder's group.
    Team,
}

impl Sharing {
    /// The mode of a file hembesok makes in a folder of this kind.
    pub fn file_mode(self) -> u32 {
        match self {
            Sharing::Private => 0o600,
            Sharing::Team => 0o660,
        }
    }
}

/// The kind of the folder `file` is in (a missing folder is one person's).
pub fn sharing_of(file: &Path) -> Sharing {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = folder_of(file);
        if fs::metadata(folder).is_ok_and(|m| m.permissions().mode() & 0o2000 != 0) {
            return Sharing::Team;
        }
    }
    let _ = file;
    Sharing::Private
}

fn folder_of(file: &Path) -> &Path {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Sets a file hembesok just made to the mode its folder asks for, whatever the umask took
/// away (a team's members must be able to write it).
pub fn set_mode(file: &fs::File, path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = sharing_of(path).file_mode();
        file.set_permissions(fs::Permissions::from_mode(mode))
            .map_err(|cause| DbError::Io {
                path: path.to_path_buf(),
                cause,
            })?;
    }
    let _ = (file, path);
    Ok(())
}

/// Refuses a database that others than its owner (or its team) could read or write: the file
/// open to others, a team's file open to others or of another group, a team's folder open to
/// others, or a folder others could write (and so replace the file in).
pub fn refuse_open_to_others(path: &Path, meta: &fs::Metadata) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let refused = |reason| DbError::Refused {
            path: path.to_path_buf(),
            reason,
        };
        let folder = folder_of(path);
        let Ok(folder_meta) = fs::metadata(folder) else {
            return Ok(());
        };
        let folder_mode = folder_meta.permissions().mode();
        let team = folder_mode & 0o2000 != 0;
        if meta.permissions().mode() & 0o007 != 0 {
            return Err(refused(Refusal::FileOpenToOthers { team }));
        }
        if team && meta.gid() != folder_meta.gid() {
            return Err(refused(Refusal::OtherGroup {
                group: group_name(folder_meta.gid()),
            }));
        }
        let others_write = folder_mode & 0o002 != 0 && folder_mode & 0o1000 == 0;
        if (team && folder_mode & 0o007 != 0) || others_write {
            return Err(refused(Refusal::FolderOpenToOthers {
                folder: folder.to_path_buf(),
                team,
            }));
        }
    }
    let _ = (path, meta);
    Ok(())
}

/// A group's name, else its number.
#[cfg(unix)]
pub fn group_name(gid: u32) -> String {
    nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(gid))
        .ok()
        .flatten()
        .map_or_else(|| gid.to_string(), |g| g.name)
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn chmod(path: &Path, mode: u32) {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn a_file_others_can_read_is_refused_and_one_persons_is_not() {
        let dir = tempfile::tempdir().unwrap();
        chmod(dir.path(), 0o700);
        let db = dir.path().join("h.sqlite");
        fs::write(&db, b"x").unwrap();
        chmod(&db, 0o600);
        assert!(refuse_open_to_others(&db, &fs::metadata(&db).unwrap()).is_ok());
        chmod(&db, 0o644);
        let e = refuse_open_to_others(&db, &fs::metadata(&db).unwrap()).unwrap_err();
        assert!(matches!(
            e,
            DbError::Refused {
                reason: Refusal::FileOpenToOthers { team: false },
                ..
            }
        ));
    }

    #[test]
    fn a_team_folder_open_to_others_is_refused_and_its_files_are_made_0660() {
        let dir = tempfile::tempdir().unwrap();
        let team = dir.path().join("team");
        fs::create_dir(&team).unwrap();
        chmod(&team, 0o2770);
        let db = team.join("h.sqlite");
        assert_eq!(sharing_of(&db), Sharing::Team);
        let file = fs::File::create(&db).unwrap();
        set_mode(&file, &db).unwrap();
        assert_eq!(
            fs::metadata(&db).unwrap().permissions().mode() & 0o777,
            0o660
        );
        assert!(refuse_open_to_others(&db, &fs::metadata(&db).unwrap()).is_ok());
        chmod(&team, 0o2775);
        assert!(matches!(
            refuse_open_to_others(&db, &fs::metadata(&db).unwrap()),
            Err(DbError::Refused {
                reason: Refusal::FolderOpenToOthers { team: true, .. },
                ..
            })
        ));
    }

    #[test]
    fn a_folder_anyone_may_write_is_refused_unless_sticky() {
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("open");
        fs::create_dir(&open).unwrap();
        let db = open.join("h.sqlite");
        fs::write(&db, b"x").unwrap();
        chmod(&db, 0o600);
        chmod(&open, 0o777);
        assert!(refuse_open_to_others(&db, &fs::metadata(&db).unwrap()).is_err());
        chmod(&open, 0o1777);
        assert!(refuse_open_to_others(&db, &fs::metadata(&db).unwrap()).is_ok());
    }
}
