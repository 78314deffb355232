import AttuneCore

extension English {
    public func tools(_ text: ToolText) -> String {
        switch text {
        }
    }
}
