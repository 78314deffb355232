/// The version of Attune, part of every content cache key: a cache written by another
/// version is never read.
public enum AttuneVersion {
    public static let current = "0.9.0"
}
