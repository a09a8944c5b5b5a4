//! The journals under `journals/`: every entry read as the envelope its kind of journal holds,
//! and a selection's entries in order (sequence numbers from 1, times not going back).

use serde::de::DeserializeOwned;
use zugong_cadre::SelectionEvent;
use zugong_core::journal::{Envelope, MemoryJournal};

use super::faults::Faults;
use crate::dataset::{Fault, JournalFile};
use crate::lang::tr;
use crate::scenario::rating::RoundEntry;
use crate::scenario::training::ClassEntry;

/// Reads every entry as `T`, listing the ones that are not; the entries read.
fn entries<T: DeserializeOwned>(f: &mut Faults<'_>, j: &JournalFile) -> Vec<T> {
    let mut out = Vec::new();
    for (v, line) in j.entries.iter().zip(&j.lines) {
        match T::deserialize(v) {
            Ok(e) => out.push(e),
            Err(e) => f.out.push(Fault {
                file: j.file.clone(),
                line: Some(*line),
                field: None,
                message: tr!(
                    f.lang,
                    "不是该日志的记录：{e}",
                    "not an entry of this journal: {e}"
                ),
            }),
        }
    }
    out
}

/// Checks every journal.
pub(super) fn journals(f: &mut Faults<'_>, journals: &[JournalFile]) {
    for j in journals {
        let name = j.file.rsplit('/').next().unwrap_or(&j.file);
        if name.starts_with("selection-") {
            let read: Vec<Envelope<SelectionEvent>> = entries(f, j);
            if read.len() == j.entries.len()
                && let Err(e) = MemoryJournal::try_from(read)
            {
                f.out.push(Fault::file(
                    j.file.clone(),
                    tr!(f.lang, "日志顺序错误：{e}", "entries out of order: {e}"),
                ));
            }
        } else if name.starts_with("rating-") {
            let _: Vec<RoundEntry> = entries(f, j);
        } else if name.starts_with("training-") {
            let _: Vec<ClassEntry> = entries(f, j);
        } else {
            f.out.push(Fault::file(
                j.file.clone(),
                tr!(
                    f.lang,
                    "不是本程序认识的日志（selection-、rating-、training-）",
                    "not a journal this build knows (selection-, rating-, training-)"
                ),
            ));
        }
    }
}
