import AttuneCore

extension English {
    public func shell(_ text: ShellText) -> String {
        switch text {
        }
    }
}
