//! Replacing a dataset folder whole: a reader of the folder sees the old dataset or the new
//! one, never tables of one beside tables of the other, and never a table the new dataset
//! does not have — whenever the writing process is killed.
//!
//! The new dataset is written into a staging folder beside the target (same parent, so the
//! same file system), marked complete, given hard links to the files of the old folder that
//! are not the dataset's own (its journals, the user's other files), and then swapped in with
//! two renames. A process killed at any point leaves one of these states, which
//! [`recover_replacement`](crate::recover_replacement) (run before every read and every
//! replacement) finishes or undoes:
//!
//! | left behind | meaning | recovery |
//! |---|---|---|
//! | staging without its mark | killed while writing | staging removed; the old folder stands |
//! | staging with its mark, the folder | killed while linking | linking and swap finished |
//! | staging with its mark, old, no folder | killed between the renames | staging renamed in |
//! | old and the folder | killed before the old was removed | old removed |

use std::path::{Path, PathBuf};

/// The mark a complete staging folder carries (removed once it is the dataset).
const COMPLETE: &str = ".zugong-complete";

/// The staging folder and the old folder beside `dir`.
fn siblings(dir: &Path) -> Option<(PathBuf, PathBuf)> {
    // `.` or `county/..` name a folder too: its absolute form has a last component.
    let absolute = std::path::absolute(dir).ok()?;
    let dir = absolute.as_path();
    let name = dir.file_name()?.to_string_lossy().into_owned();
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some((
        parent.join(format!(".{name}.zugong-new")),
        parent.join(format!(".{name}.zugong-old")),
    ))
}

/// Whether `name`, at the top of a dataset folder, is one of the dataset's own files: its
/// manifest or a table (`.jsonl`, `.csv`, `.xlsx`). These are replaced; everything else
/// (the `journals/` folder, other files) is carried into the new folder.
fn is_dataset_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "dataset.json"
        || lower.ends_with(".jsonl")
        || lower.ends_with(".csv")
        || lower.ends_with(".xlsx")
        || lower.ends_with(".tmp")
}

/// Finishes or undoes a replacement of `dir` that a killed process left half done (see the
/// module's table); nothing to do when none was.
///
/// # Errors
/// An I/O error while renaming or removing.
pub fn recover(dir: &Path) -> std::io::Result<()> {
    let Some((staging, old)) = siblings(dir) else {
        return Ok(());
    };
    if staging.is_dir() {
        if staging.join(COMPLETE).is_file() {
            if dir.is_dir() {
                carry_over(dir, &staging)?;
                std::fs::rename(dir, &old)?;
            }
            std::fs::rename(&staging, dir)?;
        } else {
            std::fs::remove_dir_all(&staging)?;
        }
    } else if old.is_dir() && !dir.exists() {
        // The staging folder is gone but the folder is not there: the old one comes back.
        std::fs::rename(&old, dir)?;
    }
    if old.is_dir() {
        std::fs::remove_dir_all(&old)?;
    }
    let mark = dir.join(COMPLETE);
    if mark.is_file() {
        std::fs::remove_file(mark)?;
    }
    Ok(())
}

/// Hard links (or copies) into `staging` everything of `dir` that is not a dataset file,
/// folders recursively. The journals are history and are never rewritten: a journal the new
/// dataset also brings must be the same bytes (else the replacement is refused), and the
/// recorded heads of both are kept.
fn carry_over(dir: &Path, staging: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if is_dataset_file(&name.to_string_lossy()) {
            continue;
        }
        if name == "journals" && entry.path().is_dir() {
            carry_journals(dir, staging)?;
        } else {
            link_tree(&entry.path(), &staging.join(&name))?;
        }
    }
    Ok(())
}

/// The old dataset's journals into the new one: each journal linked (a journal of the same
/// name must hold the same bytes), and `heads.json` the union of both (a journal's head must
/// agree).
fn carry_journals(dir: &Path, staging: &Path) -> std::io::Result<()> {
    let (from, to) = (dir.join("journals"), staging.join("journals"));
    std::fs::create_dir_all(&to)?;
    let conflict = |what: String| {
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{what}: a journal is history and is never rewritten"),
        )
    };
    for entry in std::fs::read_dir(&from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == crate::journals::HEADS_FILE {
            continue;
        }
        let target = to.join(&name);
        if target.exists() {
            if std::fs::read(entry.path())? != std::fs::read(&target)? {
                return Err(conflict(format!(
                    "journals/{} differs between the old dataset and the new one",
                    name.to_string_lossy()
                )));
            }
        } else {
            link_tree(&entry.path(), &target)?;
        }
    }
    let old = crate::journals::read_heads(dir).map_err(std::io::Error::other)?;
    if old.is_empty() {
        return Ok(());
    }
    let mut heads = crate::journals::read_heads(staging).map_err(std::io::Error::other)?;
    for (name, head) in old {
        match heads.get(&name) {
            Some(h) if *h != head => {
                return Err(conflict(format!(
                    "the recorded head of journals/{name} differs between the old dataset and the new one"
                )));
            }
            _ => {
                heads.insert(name, head);
            }
        }
    }
    crate::journals::write_heads(staging, &heads)
}

/// `from` linked (or copied) to `to`, a folder entry by entry; an entry `to` already has is
/// left as it is.
fn link_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    let meta = std::fs::symlink_metadata(from)?;
    if meta.is_dir() {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            link_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        return Ok(());
    }
    if to.exists() {
        return Ok(());
    }
    if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to)?;
    }
    Ok(())
}

/// Replaces the dataset in `dir` (or creates it) with what `write` puts into an empty folder:
/// the old folder's tables and manifest are gone afterwards, even a table the new dataset does
/// not have; its journals (with their recorded heads) and other files are kept. A reader sees
/// the old dataset or the new one whenever the process stops.
///
/// ```
/// # fn main() -> std::io::Result<()> {
/// let dir = std::env::temp_dir().join(format!("zugong-replace-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("dataset.json"), "{}")?;
/// std::fs::write(dir.join("attendance.jsonl"), "{}\n")?; // a table of the old dataset
/// std::fs::write(dir.join("notes.txt"), "mine")?;
/// zugong_dataset::replace_dataset(&dir, |new| std::fs::write(new.join("dataset.json"), "{}"))?;
/// assert!(!dir.join("attendance.jsonl").exists()); // no stale table
/// assert!(dir.join("notes.txt").exists()); // the user's file is kept
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// An I/O error, or `write`'s, or a journal both datasets hold with different contents
/// ([`std::io::ErrorKind::AlreadyExists`]): the old dataset is then as it was and the staging
/// folder is removed.
pub fn replace_dataset(
    dir: &Path,
    write: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let (staging, old) = siblings(dir).ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} names no folder", dir.display()),
        )
    })?;
    recover(dir)?;
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    std::fs::create_dir_all(&staging)?;
    let written = write(&staging).and_then(|()| {
        std::fs::File::create(staging.join(COMPLETE))?.sync_all()?;
        Ok(())
    });
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if dir.is_dir()
        && let Err(e) = carry_over(dir, &staging)
    {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if dir.is_dir() {
        std::fs::rename(dir, &old)?;
    }
    std::fs::rename(&staging, dir)?;
    std::fs::remove_file(dir.join(COMPLETE))?;
    std::fs::remove_dir_all(&old).or_else(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Ok(())
        } else {
            Err(e)
        }
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("zugong-replace-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        let (s, o) = siblings(&d).unwrap();
        let _ = std::fs::remove_dir_all(s);
        let _ = std::fs::remove_dir_all(o);
        d
    }

    fn old_dataset(dir: &Path) {
        std::fs::create_dir_all(dir.join("journals")).unwrap();
        std::fs::write(dir.join("dataset.json"), "old").unwrap();
        std::fs::write(dir.join("members.jsonl"), "old").unwrap();
        std::fs::write(dir.join("attendance.jsonl"), "old").unwrap();
        std::fs::write(dir.join("journals/selection-1.jsonl"), "history").unwrap();
    }

    fn new_dataset(dir: &Path) -> std::io::Result<()> {
        std::fs::write(dir.join("dataset.json"), "new")?;
        std::fs::write(dir.join("members.jsonl"), "new")
    }

    fn read(dir: &Path, f: &str) -> Option<String> {
        std::fs::read_to_string(dir.join(f)).ok()
    }

    /// The folder holds exactly the old dataset or exactly the new one.
    fn old_or_new(dir: &Path) -> &'static str {
        let manifest = read(dir, "dataset.json");
        let members = read(dir, "members.jsonl");
        let attendance = read(dir, "attendance.jsonl");
        assert_eq!(
            read(dir, "journals/selection-1.jsonl").as_deref(),
            Some("history")
        );
        assert!(!dir.join(COMPLETE).exists());
        match (
            manifest.as_deref(),
            members.as_deref(),
            attendance.as_deref(),
        ) {
            (Some("old"), Some("old"), Some("old")) => "old",
            (Some("new"), Some("new"), None) => "new",
            other => panic!("a mix: {other:?}"),
        }
    }

    #[test]
    fn a_replacement_leaves_no_stale_table_and_keeps_the_journals() {
        let dir = scratch("whole");
        old_dataset(&dir);
        replace_dataset(&dir, new_dataset).unwrap();
        assert_eq!(old_or_new(&dir), "new");
        let (s, o) = siblings(&dir).unwrap();
        assert!(!s.exists() && !o.exists(), "temporary folders cleaned");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_the_old_dataset() {
        let dir = scratch("failed");
        old_dataset(&dir);
        let e = replace_dataset(&dir, |new| {
            new_dataset(new)?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(e.is_err());
        assert_eq!(old_or_new(&dir), "old");
        assert!(!siblings(&dir).unwrap().0.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_journal_is_never_rewritten_by_a_replacement() {
        let dir = scratch("journal");
        old_dataset(&dir);
        let e = replace_dataset(&dir, |new| {
            new_dataset(new)?;
            std::fs::create_dir_all(new.join("journals"))?;
            std::fs::write(new.join("journals/selection-1.jsonl"), "another history")
        })
        .unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert!(e.to_string().contains("selection-1.jsonl"), "{e}");
        assert_eq!(old_or_new(&dir), "old");
        // The same journal in both is no conflict.
        replace_dataset(&dir, |new| {
            new_dataset(new)?;
            std::fs::create_dir_all(new.join("journals"))?;
            std::fs::write(new.join("journals/selection-1.jsonl"), "history")
        })
        .unwrap();
        assert_eq!(old_or_new(&dir), "new");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Every point a kill can stop the replacement at, recovered: old or new, never a mix.
    #[test]
    fn a_kill_at_any_step_is_recovered_to_old_or_new() {
        for step in 0..6 {
            let dir = scratch(&format!("kill{step}"));
            old_dataset(&dir);
            let (staging, old) = siblings(&dir).unwrap();
            // The replacement's steps, stopped after `step` of them.
            std::fs::create_dir_all(&staging).unwrap();
            new_dataset(&staging).unwrap();
            if step >= 1 {
                std::fs::File::create(staging.join(COMPLETE)).unwrap();
            }
            if step >= 2 {
                carry_over(&dir, &staging).unwrap();
            }
            if step >= 3 {
                std::fs::rename(&dir, &old).unwrap();
            }
            if step >= 4 {
                std::fs::rename(&staging, &dir).unwrap();
            }
            if step >= 5 {
                std::fs::remove_file(dir.join(COMPLETE)).unwrap();
            }
            recover(&dir).unwrap();
            let expected = if step == 0 { "old" } else { "new" };
            assert_eq!(old_or_new(&dir), expected, "killed after step {step}");
            assert!(!staging.exists() && !old.exists(), "step {step}: cleaned");
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }
}
