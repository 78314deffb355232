import AttuneShell

AttuneMain.run()
