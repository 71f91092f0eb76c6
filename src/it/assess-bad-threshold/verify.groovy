import groovy.json.JsonSlurper

// The configuration error is reported before any interpreter or index is touched, in the report too.
def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
assert report.wheel_status == 'assessment_failed'
assert report.threshold == 1.5
assert report.environments == []
assert report.recommendations == ['Invalid <threshold> (smvm.threshold): threshold 1.5 is outside [0, 1]: ' +
        'use a ratio such as 0.9 (90% of requirements available)']
return true
