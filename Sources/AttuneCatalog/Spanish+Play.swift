import AttuneCore

extension Spanish {
    public func playing(_ text: PlayText) -> String {
        switch text {
        }
    }
}
