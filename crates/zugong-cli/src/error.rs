//! What can go wrong in a command, and the exit code it leads to: the dataset library's error,
//! which every command's failure already is (an invalid dataset, a bad argument, an output that
//! would overwrite a file, the store's refusal, I/O).

pub(crate) use zugong_dataset::DatasetError as CliError;
