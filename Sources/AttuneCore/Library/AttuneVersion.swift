/// The version of Attune, the one place it is written: `attune --version` prints it, the
/// Debian package takes it from there (scripts/deb.sh), and it is part of every content
/// cache key, so a cache written by another version is never read.
public enum AttuneVersion {
    public static let current = "0.9.0"
}
