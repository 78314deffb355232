import AttuneCore

extension English {
    public func playing(_ text: PlayText) -> String {
        switch text {
        }
    }
}
