import AttuneCore

extension Spanish {
    public func tools(_ text: ToolText) -> String {
        switch text {
        }
    }
}
