//! What can go wrong in a command, and the exit code it leads to.

use std::path::PathBuf;

use thiserror::Error;

use crate::Fault;
use crate::lang::Lang;
use crate::text::{Text, in_language};

/// A command that could not be carried out.
#[derive(Debug, Error)]
pub enum DatasetError {
    /// The dataset has problems (all of them are listed).
    #[error("the dataset has {} problem(s)", .0.len())]
    InvalidDataset(Vec<Fault>),
    /// A bad argument: what was given and what would be accepted, in both languages.
    #[error("{0}")]
    BadArgument(Text),
    /// The output would overwrite an existing file.
    #[error("{} exists; pass --force to replace it", .0.display())]
    Exists(PathBuf),
    /// The output would overwrite one of the dataset's own files.
    #[error("{} is a file of the dataset; write the output elsewhere", .0.display())]
    WouldOverwriteInput(PathBuf),
    /// The store refused or failed (nothing was written).
    #[error(transparent)]
    Store(#[from] zugong_store::StoreError),
    /// Reading or writing failed.
    #[error("{}: {error}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
}

impl DatasetError {
    /// The process exit code: 2 for bad input of any kind.
    pub fn exit_code(&self) -> u8 {
        2
    }

    /// The message in `lang`, with every fault of an invalid dataset (each in `lang` too).
    pub fn describe(&self, lang: Lang) -> String {
        in_language(lang, || self.describe_here(lang))
    }

    fn describe_here(&self, lang: Lang) -> String {
        match self {
            DatasetError::InvalidDataset(faults) => {
                let mut s = match lang {
                    Lang::Zh => format!("数据集有 {} 处问题", faults.len()),
                    Lang::En => self.to_string(),
                };
                for f in faults {
                    s.push_str("\n  ");
                    s.push_str(&f.to_string());
                }
                s
            }
            DatasetError::Exists(p) if lang == Lang::Zh => {
                format!("{} 已存在；如需覆盖请加 --force", p.display())
            }
            DatasetError::WouldOverwriteInput(p) if lang == Lang::Zh => {
                format!("{} 是数据集自身的文件，不能用作输出", p.display())
            }
            DatasetError::Store(e) => e.message(lang.language()),
            other => other.to_string(),
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> DatasetError {
        let path = path.into();
        move |error| DatasetError::Io { path, error }
    }
}
