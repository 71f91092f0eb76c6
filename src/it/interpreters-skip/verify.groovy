// A skipped goal writes nothing and logs why.
assert !new File(basedir, 'target/smvm/interpreters.json').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping smvm:interpreters: smvm.skip is true')
return true
