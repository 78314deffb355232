import AttuneCore

extension English {
    public func tools(_ text: ToolText) -> String {
        switch text {
        case .xapi(let words): xapi(words)
        case .export(let words): export(words)
        case .record(let words): record(words)
        case .dataFolder(let words): dataFolder(words)
        case .cache(let words): cache(words)
        case let .saved(saved, path, replaced):
            replaced ? "Replaced \(path) with \(self.saved(saved))." : "Wrote \(self.saved(saved)) to \(path)"
        case .access(let reason): access(reason)
        case .author(let words): author(words)
        }
    }

    private func access(_ reason: ContentAccessError.Reason) -> String {
        switch reason {
        case .noSuchFolder: "no such folder"
        case .noSuchFile: "no such file or folder"
        case .brokenLink(let target): "it is a link to '\(target)', which does not exist"
        case .linkLoop: "the links in this path lead back to themselves in a loop, so it names nothing"
        case .folderOnTheWayLocked: "a folder on the way cannot be opened (check its permissions)"
        case .partIsFile: "a part of this path is a file, not a folder"
        case .tooLong: "the path is too long"
        case .cannotOpen(let system): "it cannot be opened (\(system))"
        case .notAFolder: "this is a file, not a folder"
        case .folderUnreadable: "the folder cannot be read (check its permissions)"
        }
    }

    private func author(_ words: ToolText.Author) -> String {
        switch words {
        case .noFolderToReload: return "There is no folder to reload from in this session."
        case let .cannotReload(path, reason): return "Cannot reload: \(path): \(access(reason)). Nothing was changed."
        case let .reloaded(entries, cases):
            return "Reloaded: \(Plural(one: "entry", other: "entries")(entries)), \(Plural(one: "case", other: "cases")(cases))."
        case .caseDidNotLoad(let id):
            return "The case '\(id)' did not load this time (see above), so you carry on with the version you had. Fix the file "
                + "and type 'reload' again."
        case .sameMoment: return "You are at the same moment."
        case .pathChanged:
            return "The path to this moment changed, so you stay here with the same counters, but 'back' starts from here and "
                + "this path is no longer recorded."
        case let .momentGone(node, command, resumes):
            return "The moment '\(node)' no longer exists, so you have left the case. "
                + (resumes ? "'\(command)' continues from the last moment of your path that still fits." : "'\(command)' begins it again.")
        case .pathNotRecorded: return "(Author tools: this path is no longer recorded in your progress.)"
        case .gotoNeedsNode(let example): return "'goto' needs a node id, for example: goto \(example)"
        case let .noSuchNode(id, guess): return "The case has no node '\(id)'." + (guess.map { " Did you mean '\($0)'?" } ?? "")
        case .setUsage: return "Use 'set VAR N' with a whole number, for example: set trust 2"
        case let .noSuchCounter(name, guess, declared):
            return "The case has no counter '\(name)'." + (guess.map { " Did you mean '\($0)'?" } ?? "")
                + (declared.isEmpty ? " It declares none." : " Its counters: \(declared.joined(separator: ", ")).")
        case .countersHeading: return "Counters"
        case .noneDeclared: return "(none declared)"
        case .startsAt(let value): return "(starts at \(value))"
        case .visitedHeading: return "Visited"
        case .choicesSoFarHeading: return "Choices so far"
        case .noneYet: return "(none)"
        case let .cannotOpenPath(path, reason): return "cannot open \(path): \(access(reason))."
        case let .unknownTarget(argument, folder, guess):
            return "'\(argument)' is neither a file nor a case id" + (folder.map { " in \($0)" } ?? "") + "."
                + (guess.map { " Did you mean '\($0)'?" } ?? "")
        case .lintNeedsTarget: return "'lint' needs a case id or a path here."
        }
    }

    private func xapi(_ words: ToolText.XAPI) -> String {
        switch words {
        case .verb(let verb):
            switch verb {
            case .attempted: "attempted"
            case .responded: "responded"
            case .commented: "commented"
            case .completed: "completed"
            }
        case .journalActivity: "Attune journal"
        case .draftCase(let title): "\(title) (an author's draft)"
        }
    }

    private func saved(_ saved: ToolText.Saved) -> String {
        switch saved {
        case let .groupSession(id, decisions, notes):
            "group session \(id) (\(Plural(one: "decision", other: "decisions")(decisions)), \(Plural(one: "note", other: "notes")(notes)))"
        }
    }

    private func export(_ words: ToolText.Export) -> String {
        let statements = Plural(one: "statement", other: "statements")
        switch words {
        case let .wroteStatements(count, path): return "Wrote \(statements(count)) to \(path)."
        case let .replacedStatements(count, path): return "Replaced \(path) with \(statements(count))."
        case let .sent(count, endpoint, before):
            return "Sent \(grouped(count)) new \(statements.form(count)) to \(endpoint)"
                + (before == 0 ? "" : "; \(grouped(before)) had been sent before") + "."
        case .conflictLabel: return "conflict:"
        case .conflict(let id):
            return "statement \(id) was not sent: the LRS already holds a different statement with this id."
        case .conflicts(let count):
            return "\(statements(count)) conflicted and \(count == 1 ? "was" : "were") not marked as sent. This happens when the "
                + "same account name was used on another computer or with another record; try a different --account, or "
                + "ask the LRS's administrator."
        case let .notMarkedSent(problem, stored):
            return "\(problem) The LRS has \(grouped(stored)) new \(statements.form(stored)) that Attune could not "
                + "record as sent; sending again will not store them twice."
        case .accountNeedsName: return "--account needs a name."
        case .fileOrLRS: return "Give a FILE to write, or --lrs URL with --user to send."
        case .fileAndLRS: return "Give either a FILE or --lrs, not both."
        case .timeoutRange: return "--timeout needs a number of seconds, more than 0 and at most 3600."
        case let .unencrypted(endpoint, sending):
            return "\(sending ? "sending to" : "reading from") \(endpoint) without encryption, as --insecure-http asks: your "
                + "password and records cross the network in clear text."
        case .passwordInAddress(let variable):
            return "a password written in the address can be seen by other people using this computer (in the list of running "
                + "programs), and may be kept in your shell's history. Next time, set \(variable) or leave it out to be asked for it."
        case .addressCredentialsIgnored:
            return "the user name or password written in the address was ignored, because --user or --password was given."
        case .passwordOption(let variable):
            return "a password given with --password can be seen by other people using this computer, and may be kept in your "
                + "shell's history. Next time, set \(variable) or leave --password out to be asked for it."
        case .needUser: return "Give your user name for the LRS with --user."
        case .passwordPrompt(let endpoint): return "Password for the LRS at \(endpoint): "
        case let .noPassword(variable, sending):
            return "No password for the LRS: --lrs needs --user and --password, or the password in \(variable) (safer: other "
                + "people using this computer can see a command line), or a terminal to ask for it on. "
                + (sending ? "Nothing was sent." : "Nothing was read.")
        }
    }

    private func record(_ words: ToolText.Record) -> String {
        switch words {
        case .cannotCreateFolder(let folder):
            return "Attune cannot create the folder \(folder) for your progress; choose another with --data-dir."
        case .folderIsFile(let folder):
            return "\(folder) is a file, not a folder; choose a folder for your progress with --data-dir."
        case let .notOrdinaryFile(file, isLink):
            return "\(file) is \(isLink ? "a link to another file" : "not an ordinary file"), so Attune will not use it for your "
                + "record. Move it aside, or choose another folder with --data-dir."
        case let .cannotWriteFile(folder, reason):
            return "Attune cannot write its progress file in \(folder) (\(reason)); choose a writable folder with --data-dir."
        case let .newerVersion(path, copy):
            return "Your progress file \(path) was written by a newer version of Attune, so this version will not change it. "
                + "Update Attune to carry on." + (copy.map { " A copy is at \($0)." } ?? "")
        case let .damaged(path, copy):
            return "Your progress file \(path) is damaged and cannot be opened; Attune has not changed it. "
                + (copy.map { "A copy was kept at \($0). " } ?? "")
                + "To start a new record, move the damaged file aside; your old one stays in the copy."
        case let .couldNotOpen(path, detail): return "Your progress file \(path) could not be opened: \(detail)"
        case let .couldNotSave(path, detail): return "Attune could not save to \(path): \(detail)"
        case let .couldNotRead(path, detail): return "Attune could not read \(path): \(detail)"
        case let .unreadable(parts, total, path):
            let named = parts.map { part in
                let what = switch part.table {
                case "playthrough": "a case you played"
                case "choice": "a choice you made"
                case "journal": "a journal entry"
                case "draft": "an unfinished reflection"
                case "groupSession": "a group session"
                case "groupDecision": "a group decision"
                case "groupPending": "a group's tally in progress"
                default: "a record"
                }
                return what + (part.row.map { " (row \($0) of the table '\(part.table)')" } ?? " (in the table '\(part.table)')")
            }
            let list = named.count <= 1 ? named.joined() : named.dropLast().joined(separator: ", ") + " and " + named[named.count - 1]
            let more = total > named.count ? ", and \(grouped(total - named.count)) more" : ""
            let one = total == 1
            return "\(one ? "One part" : "\(grouped(total)) parts") of your record could not be read: \(list)\(more). "
                + "\(one ? "It is" : "They are") kept in \(path), and left out of what Attune shows and exports; "
                + "the rest of your record works as usual."
        }
    }

    private func dataFolder(_ words: ToolText.DataFolder) -> String {
        switch words {
        case let .cannotKeep(path, reason):
            let why = switch reason {
            case .isFile: "it is a file, not a folder"
            case .cannotCreate: "the folder could not be created (is the location writable?)"
            case .notWritable: "the folder is not writable; choose another with --data-dir"
            }
            return "Attune cannot keep your data in \(path): \(why)."
        case .madePrivate(let path):
            return "Your data folder \(path) could be read by other people on this computer; it is now private to you."
        case .noHistory(let path): return "\(path) is not an ordinary file, so no command history is kept this time."
        }
    }

    private func cache(_ words: ToolText.Cache) -> String {
        let files = Plural(one: "file", other: "files")
        switch words {
        case .empty(let folder):
            return "The compiled content is kept in \(folder); it is empty now, and is made on the next start."
        case let .holds(folder, contents): return "The compiled content is kept in \(folder): \(describe(contents))"
        case .noCacheNote: return "With --no-cache, Attune reads the content files afresh and leaves this folder alone."
        case .isLink(let folder):
            return "the cache folder \(folder) is a link to another folder, so Attune does not use it and removed nothing "
                + "(clearing it would delete files in the folder it leads to). Remove the link yourself if you do not need it; "
                + "Attune then makes a folder of its own."
        case .nothingToRemove(let folder): return "There was no compiled content to remove in \(folder)."
        case let .removed(folder, count):
            return "Removed the compiled content from \(folder) (\(files(count))). The next start reads the content files afresh."
        case .noFolder:
            return "there is no cache folder: Attune cannot tell where your home folder is (HOME is not set, or is not a full "
                + "path), so it reads the content files afresh each time. Nothing is lost."
        }
    }

    /// What the cache holds, and whose it is when other copies of Attune share the folder.
    private func describe(_ status: ToolText.CacheContents) -> String {
        let amount = "\(Plural(one: "file", other: "files")(status.files)), \(status.size)"
        let clear = "'attune cache clear' removes them; the next start makes them again from the content files."
        if status.builds == 1, status.includesThisBuild { return "\(amount), for this copy of Attune. \(clear)" }
        let example = "(an installed copy and one built from the source, say)"
        let whose = switch (status.builds, status.includesThisBuild) {
        case (2, true): "for 2 copies of Attune that share this folder \(example): this one and another"
        case let (count, true): "for \(count) copies of Attune that share this folder \(example): this one and \(count - 1) others"
        case (1, _): "for another copy of Attune that shares this folder \(example); this one makes its own on its next start"
        case let (count, _):
            "for \(count) other copies of Attune that share this folder \(example); this one makes its own on its next start"
        }
        return "\(amount), \(whose). Each copy keeps its own, so each starts quickly; a copy not started for "
            + "\(status.unusedDays) days loses its files, and only the \(status.keptBuilds) copies started most "
            + "recently keep theirs. 'attune cache clear' removes them all; the next start makes them again from the content files."
    }
}
