//! Where a store is: a file for SQLite, a URL for a PostgreSQL server.

use std::fmt;
use std::path::PathBuf;

use crate::StoreError;

/// Where a store is.
///
/// Parsed from what a user types: a `postgres://` or `postgresql://` URL names a server
/// (with the `postgres` feature); anything else is the path of an SQLite file.
///
/// ```
/// use zugong_store::Location;
/// let file: Location = "county.db".parse()?;
/// assert!(matches!(file, Location::Sqlite(_)));
/// # #[cfg(feature = "postgres")] {
/// let server: Location = "postgres://clerk:secret@127.0.0.1/zugong".parse()?;
/// // A password is never shown.
/// assert_eq!(server.to_string(), "postgres://clerk:***@127.0.0.1/zugong");
/// # }
/// # Ok::<(), zugong_store::StoreError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// An SQLite database file (created by [`crate::Store::create`]).
    Sqlite(PathBuf),
    /// A PostgreSQL server, by its connection URL (`postgres://user@host:port/db`, libpq's
    /// parameters such as `?host=/run/postgresql` or `?options=-csearch_path%3Ddept` included).
    #[cfg(feature = "postgres")]
    Postgres(String),
}

impl std::str::FromStr for Location {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<Self, StoreError> {
        let text = s.trim();
        if text.is_empty() {
            return Err(StoreError::BadLocation(
                "no store given: name an SQLite file or a postgres:// URL".into(),
            ));
        }
        let url = text.starts_with("postgres://") || text.starts_with("postgresql://");
        if url {
            #[cfg(feature = "postgres")]
            {
                return text
                    .parse::<postgres::Config>()
                    .map(|_| Self::Postgres(text.to_owned()))
                    .map_err(|e| {
                        StoreError::BadLocation(format!(
                            "{} is not a PostgreSQL URL this build can use ({e}); write postgres://USER@HOST:PORT/DATABASE",
                            mask_password(text)
                        ))
                    });
            }
            #[cfg(not(feature = "postgres"))]
            return Err(StoreError::BadLocation(format!(
                "{} names a PostgreSQL server, but this build has no PostgreSQL support (the `postgres` feature)",
                mask_password(text)
            )));
        }
        if text.contains("://") {
            return Err(StoreError::BadLocation(format!(
                "{} is neither a file path nor a postgres:// URL",
                mask_password(text)
            )));
        }
        Ok(Self::Sqlite(PathBuf::from(text)))
    }
}

/// The URL with any password replaced by `***`.
pub(crate) fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let Some((credentials, host)) = authority.rsplit_once('@') else {
        return mask_query_password(url);
    };
    let masked = match credentials.split_once(':') {
        Some((user, _)) => format!("{user}:***"),
        None => credentials.to_owned(),
    };
    mask_query_password(&format!("{scheme}://{masked}@{host}{tail}"))
}

/// `password=…` in a query string replaced by `password=***`.
fn mask_query_password(url: &str) -> String {
    let Some(at) = url.find("password=") else {
        return url.to_owned();
    };
    let start = at + "password=".len();
    let end = url
        .get(start..)
        .and_then(|r| r.find('&'))
        .map_or(url.len(), |e| start + e);
    format!(
        "{}***{}",
        url.get(..start).unwrap_or_default(),
        url.get(end..).unwrap_or_default()
    )
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "{}", path.display()),
            #[cfg(feature = "postgres")]
            Self::Postgres(url) => f.write_str(&mask_password(url)),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            #[cfg(feature = "postgres")]
            Self::Postgres(_) => f.debug_tuple("Postgres").field(&self.to_string()).finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::mask_password;

    #[test]
    fn passwords_are_masked_in_the_authority_and_the_query() {
        assert_eq!(
            mask_password("postgres://a:b@h:5432/d"),
            "postgres://a:***@h:5432/d"
        );
        assert_eq!(mask_password("postgres://a@h/d"), "postgres://a@h/d");
        assert_eq!(
            mask_password("postgres://h/d?user=a&password=b&x=1"),
            "postgres://h/d?user=a&password=***&x=1"
        );
        assert_eq!(
            mask_password("postgres://p:q@h/d?password=z"),
            "postgres://p:***@h/d?password=***"
        );
    }
}
