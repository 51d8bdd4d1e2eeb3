// Images imported by components resolve to their file name in tests, as a URL would in a build.
module.exports = 'test-file-stub.png'
