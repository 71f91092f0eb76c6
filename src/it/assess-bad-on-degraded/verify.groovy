import groovy.json.JsonSlurper

// The configuration error is reported before any interpreter or index is touched, in the report too.
def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
assert report.wheel_status == 'assessment_failed'
assert report.threshold == 0.9
assert report.environments == []
assert report.recommendations == ["Invalid <onDegraded> (smvm.onDegraded): 'explode' is not a valid value: " +
        'expected one of fallback, warn, fail']
return true
