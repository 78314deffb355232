import AttuneCore

extension English {
    public func room(_ text: RoomText) -> String {
        switch text {
        }
    }
}
