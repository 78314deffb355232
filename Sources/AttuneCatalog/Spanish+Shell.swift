import AttuneCore

extension Spanish {
    public func shell(_ text: ShellText) -> String {
        switch text {
        }
    }
}
