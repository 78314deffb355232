import AttuneCore

extension Spanish {
    public func room(_ text: RoomText) -> String {
        switch text {
        }
    }
}
