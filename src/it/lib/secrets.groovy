// Checks that no secret reached the build's output. Use: def secrets = evaluate(new File(itSources, 'lib/secrets.groovy'))

// build.log and every file the goals wrote under target/smvm (there must be some)
def outputs = { File basedir ->
    def files = [new File(basedir, 'build.log')]
    new File(basedir, 'target/smvm').eachFileRecurse { if (it.isFile()) files << it }
    assert files.size() > 1
    files
}

// none of the files contains any of the secrets, as written or URL-encoded
def assertAbsent = { List<File> files, List<String> secrets ->
    files.each { file ->
        def text = file.text
        secrets.each { secret ->
            assert !text.contains(secret), "${file.name} contains ${secret}"
            assert !text.contains(URLEncoder.encode(secret, 'UTF-8')), "${file.name} contains ${secret} URL-encoded"
        }
    }
}

return [outputs: outputs, assertAbsent: assertAbsent]
