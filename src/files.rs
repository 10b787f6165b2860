//! The folder uploaded files live in (`CONVENE_FILES_DIR`): each under a
//! random name that says nothing of its content, written whole to a
//! temporary name first and renamed, so a reader never sees half a file.
//! No database here: `db::materials` holds what describes each file.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    /// Makes the folder when it does not exist yet.
    pub fn open(dir: &Path) -> io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(Self { dir: dir.to_path_buf() })
    }

    /// A new random name for a file ("f_" and 43 URL-safe characters).
    pub fn new_name() -> io::Result<String> {
        crate::domain::secret::new_secret("f_").map_err(|e| io::Error::other(format!("no randomness: {e}")))
    }

    /// Where a stored name lives; None for a name that is not one of ours
    /// (anything but the characters `new_name` makes), so that no stored
    /// value can reach outside the folder.
    fn path(&self, stored: &str) -> Option<PathBuf> {
        let ours = stored.len() > 2
            && stored.starts_with("f_")
            && stored.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        ours.then(|| self.dir.join(stored))
    }

    fn not_ours() -> io::Error {
        io::Error::new(io::ErrorKind::InvalidInput, "not a stored file name")
    }

    pub fn write(&self, stored: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.path(stored).ok_or_else(Self::not_ours)?;
        let partial = self.dir.join(format!("{stored}.partial"));
        std::fs::write(&partial, bytes)?;
        std::fs::rename(&partial, &path)
    }

    pub fn read(&self, stored: &str) -> io::Result<Vec<u8>> {
        std::fs::read(self.path(stored).ok_or_else(Self::not_ours)?)
    }

    /// Removes a file; one already gone is not an error.
    pub fn remove(&self, stored: &str) -> io::Result<()> {
        match std::fs::remove_file(self.path(stored).ok_or_else(Self::not_ours)?) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_own_names_are_read_written_or_removed() {
        let dir = std::env::temp_dir().join(format!("convene-files-{}", std::process::id()));
        let store = FileStore::open(&dir).expect("folder");
        let name = FileStore::new_name().expect("name");
        store.write(&name, b"%PDF-1.7").expect("written");
        assert_eq!(store.read(&name).expect("read"), b"%PDF-1.7");
        for hostile in ["../convene.db", "f_../../etc/passwd", "/etc/passwd", "", "f_"] {
            assert_eq!(store.read(hostile).expect_err(hostile).kind(), io::ErrorKind::InvalidInput, "{hostile}");
        }
        store.remove(&name).expect("removed");
        store.remove(&name).expect("removing twice is fine");
        std::fs::remove_dir_all(&dir).ok();
    }
}
