// needs CPython 3.12 and 3.11
return evaluate(new File(itSources, 'lib/selector.groovy'))
