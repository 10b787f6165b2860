//! The `convene` command line.

use crate::settings::variables_help;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "convene",
    about = "Event and webinar scheduling for the EU CBRN Centres of Excellence network.",
    long_about = "Event and webinar scheduling for the EU CBRN Centres of Excellence network.\n\n\
                  Without a subcommand, runs the server (`convene serve`). Every command creates \
                  and migrates the database as needed."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (the default). Stops gracefully on SIGTERM or Ctrl-C.
    Serve,
    /// Create the database if needed and apply pending migrations, then exit.
    Migrate,
    /// Manage organiser accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Manage API bearer tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Anonymise registrations of sessions that ended more than CONVENE_RETENTION_DAYS ago (the server also does this daily).
    Purge,
    /// Write a consistent copy of the SQLite database to PATH while the server runs.
    Backup {
        /// A new file to write.
        path: std::path::PathBuf,
    },
    /// Inspect and retry the email outbox.
    #[command(subcommand)]
    Outbox(OutboxCommand),
}

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// List the newest emails in the outbox with their delivery state.
    List {
        /// Only this status: queued, sending, sent or failed.
        #[arg(long)]
        status: Option<String>,
        /// How many rows.
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Send now: failed emails go back in the queue and waiting ones are due at once (all, or one with --id).
    Retry {
        #[arg(long)]
        id: Option<i32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an account (or reset its password, role, regions and countries), reading the password from stdin.
    Create {
        /// The account's email address.
        #[arg(long)]
        email: String,
        /// admin (everything), organiser (only sessions organised by its regions) or
        /// focal-point (a National Focal Point: its countries' participation).
        #[arg(long, default_value = "admin")]
        role: String,
        /// A region slug the organiser works for; repeat for several.
        #[arg(long = "region")]
        regions: Vec<String>,
        /// An ISO alpha-2 code of a country the focal point speaks for; repeat for several.
        #[arg(long = "country")]
        countries: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token and print it on the last line of stdout. Only its hash is stored.
    Create {
        /// A name to recognise the token by, e.g. the system that uses it.
        #[arg(long)]
        name: String,
        /// The email of the account the token acts for, with its role and scope.
        /// Without it the token has full access.
        #[arg(long)]
        account: Option<String>,
    },
}

/// `--version` names the time-zone database, since times depend on it.
pub fn version() -> String {
    format!("{} (IANA time-zone database {})", env!("CARGO_PKG_VERSION"), crate::domain::zone::tzdb_version())
}

fn with_env_help(cmd: clap::Command, help: &str) -> clap::Command {
    let help = help.to_string();
    cmd.after_help(help.clone()).mut_subcommands(move |s| with_env_help(s, &help))
}

pub fn parse() -> Cli {
    let cmd = with_env_help(Cli::command().version(version()), &variables_help());
    let matches = cmd.get_matches();
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    }
}
