// help prints only to the console: the log is the output here.
def log = new File(basedir, 'build.log').text
assert log.contains('smvm:help')
assert log.contains('smvm:interpreters')
assert log.contains('smvm.primary')
return true
