/**
 * happy-dom settings for parsing saved pages in Node (tests and the CLI): a saved page is data,
 * so nothing it references is fetched or run, and that is not reported as an error.
 */
export const OFFLINE_DOM_SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
};
